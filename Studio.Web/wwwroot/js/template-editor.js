// Caret helpers for the template editor's "insert variable": read where the caret is, put it back after.
export function selection(selector) {
  const field = document.querySelector(selector);
  return field ? [field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length] : null;
}

export function placeCaret(selector, position) {
  const field = document.querySelector(selector);
  if (!field) return;
  field.focus();
  field.setSelectionRange(position, position);
}
