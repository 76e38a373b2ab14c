// The template editor's side in the browser: loads Monaco (served from the app, see ADR 0018) only on the
// template page, registers the Scriban languages, and sends the text to the circuit. The text lives here while
// the operator types; the circuit hears "typing" at once (so Save waits) and the text itself once typing
// pauses, so no keystroke can be lost between a render and the next key (MudBlazor #1012 was exactly that).
import { registerScriban } from './scriban-language.js';

const vs = '/_content/BlazorMonaco/lib/monaco-editor/min/vs';
let loading = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const tag = document.createElement('script');
    tag.src = src;
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(tag);
  });
}

/** Loads Monaco once per page; true when the editor can be created. */
export function load() {
  loading ??= (async () => {
    if (!window.monaco) {
      // jsInterop.js declares the AMD loader's config (a global `require` object), so it comes before loader.js.
      if (!window.blazorMonaco) await script('/_content/BlazorMonaco/jsInterop.js');
      await script(`${vs}/loader.js`);
      window.require.config({ paths: { vs } });
      await new Promise((resolve, reject) => window.require(['vs/editor/editor.main'], resolve, reject));
    }
    registerScriban(window.monaco);
    return true;
  })();
  return loading;
}

const attached = new Map();

function editorOf(id) {
  return window.blazorMonaco?.editor.getEditor(id, true) ?? null;
}

/** Starts sending the editor's text to the circuit: "typing" on a burst's first change, the text when it pauses. */
export function attach(id, dotnet, pauseMs) {
  const editor = editorOf(id);
  if (!editor) return false;
  detach(id);
  const state = { timer: 0, busy: false, dotnet };
  const send = () => {
    state.timer = 0;
    state.busy = false;
    dotnet.invokeMethodAsync('OnText', editor.getValue()).catch(() => { /* circuit gone: the tab keeps the text */ });
  };
  state.subscription = editor.onDidChangeModelContent(() => {
    if (state.flushing) return;
    if (!state.busy) {
      state.busy = true;
      dotnet.invokeMethodAsync('OnTyping').catch(() => { });
    }
    clearTimeout(state.timer);
    state.timer = setTimeout(send, pauseMs);
  });
  state.send = send;
  attached.set(id, state);
  return true;
}

export function detach(id) {
  const state = attached.get(id);
  if (!state) return;
  clearTimeout(state.timer);
  state.subscription.dispose();
  attached.delete(id);
}

/** The text as the browser has it now; a pending send is dropped because the caller takes this text. */
export function text(id) {
  const state = attached.get(id);
  if (state?.timer) {
    clearTimeout(state.timer);
    state.timer = 0;
    state.busy = false;
  }
  return editorOf(id)?.getValue() ?? null;
}

/** Replaces the whole text (reset, discard, restore) without echoing it back as typing. */
export function setText(id, value) {
  const editor = editorOf(id);
  if (!editor || editor.getValue() === value) return;
  const state = attached.get(id);
  if (state) state.flushing = true;
  try {
    editor.executeEdits('studio', [{ range: editor.getModel().getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  } finally {
    if (state) state.flushing = false;
  }
}

/** Puts `snippet` over the selection (at the caret), focuses the editor and returns the new text. */
export function insert(id, snippet) {
  const editor = editorOf(id);
  if (!editor) return null;
  const state = attached.get(id);
  if (state) {
    clearTimeout(state.timer);
    state.timer = 0;
    state.busy = false;
    state.flushing = true;
  }
  try {
    editor.executeEdits('studio', [{ range: editor.getSelection(), text: snippet, forceMoveMarkers: true }]);
    editor.pushUndoStop();
    editor.focus();
  } finally {
    if (state) state.flushing = false;
  }
  return editor.getValue();
}

/** Error markers at the renderer's line and column (1-based); an empty list clears them. */
export function setMarkers(id, problems) {
  const editor = editorOf(id);
  const model = editor?.getModel();
  if (!model) return;
  const markers = problems.map(p => {
    const line = Math.min(Math.max(p.line, 1), model.getLineCount());
    const column = Math.max(p.column, 1);
    const word = model.getWordAtPosition({ lineNumber: line, column });
    return {
      severity: window.monaco.MarkerSeverity.Error,
      message: p.message,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: word ? Math.max(word.endColumn, column + 1) : column + 1,
    };
  });
  window.monaco.editor.setModelMarkers(model, 'scriban', markers);
}

/** The markers the editor shows now: [line, column, message] each (the E2E reads them). */
export function markers(id) {
  const model = editorOf(id)?.getModel();
  return model ? window.monaco.editor.getModelMarkers({ resource: model.uri }).map(m => [m.startLineNumber, m.startColumn, m.message]) : [];
}
