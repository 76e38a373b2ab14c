// A small Monarch tokenizer: Scriban's {{ … }} blocks, alone ("scriban", SMS text) or inside HTML
// ("scriban-html", e-mail bodies). Enough to see code from markup; the server's parser stays the judge.
const keywords = ['if', 'else', 'end', 'for', 'in', 'while', 'capture', 'func', 'ret', 'with', 'case', 'when',
  'break', 'continue', 'include', 'import', 'readonly', 'tablerow', 'wrap', 'null', 'true', 'false', 'and', 'or', 'not'];

// The states shared by both languages: inside {{ }} until the closing braces.
const code = {
  code: [
    [/-?\}\}/, { token: 'delimiter.scriban', next: '@pop' }],
    [/#.*?(?=-?\}\}|$)/, 'comment'],
    [/"([^"\\]|\\.)*"/, 'string'],
    [/'([^'\\]|\\.)*'/, 'string'],
    [/\d+(\.\d+)?/, 'number'],
    [/[a-zA-Z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'variable' } }],
    [/[|.=<>!+\-*/%?:,()[\]]+/, 'operator'],
    [/\s+/, 'white'],
  ],
};

function scriban() {
  return {
    keywords,
    tokenizer: {
      root: [
        [/\{\{-?/, { token: 'delimiter.scriban', next: '@code' }],
        [/[^{]+/, ''],
        [/\{/, ''],
      ],
      ...code,
    },
  };
}

function scribanHtml() {
  return {
    keywords,
    tokenizer: {
      root: [
        [/\{\{-?/, { token: 'delimiter.scriban', next: '@code' }],
        [/<!--/, { token: 'comment', next: '@comment' }],
        [/<\/?[\w-]+/, { token: 'tag', next: '@tag' }],
        [/&\w+;/, 'string.escape'],
        [/[^<{&]+/, ''],
        [/[<{&]/, ''],
      ],
      comment: [
        [/-->/, { token: 'comment', next: '@pop' }],
        [/[^-]+|-/, 'comment'],
      ],
      tag: [
        [/\{\{-?/, { token: 'delimiter.scriban', next: '@code' }],
        [/\/?>/, { token: 'tag', next: '@pop' }],
        [/[\w-]+(?=\s*=)/, 'attribute.name'],
        [/"/, { token: 'attribute.value', next: '@doubleQuoted' }],
        [/'/, { token: 'attribute.value', next: '@singleQuoted' }],
        [/[\w-]+/, 'attribute.name'],
        [/[=\s]+/, ''],
      ],
      doubleQuoted: [
        [/\{\{-?/, { token: 'delimiter.scriban', next: '@code' }],
        [/"/, { token: 'attribute.value', next: '@pop' }],
        [/[^"{]+|\{/, 'attribute.value'],
      ],
      singleQuoted: [
        [/\{\{-?/, { token: 'delimiter.scriban', next: '@code' }],
        [/'/, { token: 'attribute.value', next: '@pop' }],
        [/[^'{]+|\{/, 'attribute.value'],
      ],
      ...code,
    },
  };
}

let registered = false;

export function registerScriban(monaco) {
  if (registered) return;
  registered = true;
  for (const [id, language] of [['scriban', scriban()], ['scriban-html', scribanHtml()]]) {
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, language);
    monaco.languages.setLanguageConfiguration(id, {
      brackets: [['{{', '}}'], ['(', ')'], ['[', ']']],
      comments: { blockComment: ['<!--', '-->'] },
    });
  }
}
