// The options page: severity threshold, rules to silence, a rule catalogue of the user's and a
// custom KB. The catalogue and the KB are validated by the service worker's checker; an invalid
// file is rejected with its error (code, rule id, line and column) and the previous one stays in
// use. Page and file text reach the DOM only through textContent.

const $ = (id) => document.getElementById(id);

function send(message) {
  return chrome.runtime.sendMessage(message);
}

// "line 3, column 14, /rules/0/params/years: rule MY_RULE: unknown param … (rules_params)"
function formatError(error) {
  if (!error) return 'no answer from the extension';
  const place = [error.line ? `line ${error.line}` : '', error.column ? `column ${error.column}` : '', error.path || '']
    .filter(Boolean).join(', ');
  return `${place ? `${place}: ` : ''}${error.message} (${error.kind})`;
}

function say(id, text, kind) {
  const p = $(id);
  p.textContent = text;
  p.className = kind;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function showKbState() {
  const { customKb, customKbName, customKbError } = await chrome.storage.local.get(['customKb', 'customKbName', 'customKbError']);
  $('kb-state').textContent = customKb ? `Your KB “${customKbName || 'custom'}” is in use.` : 'The bundled knowledge base is in use.';
  $('kb-reset').disabled = !customKb;
  if (customKbError) say('kb-message', `Your stored KB no longer loads: ${formatError(customKbError)}`, 'error');
}

// Which catalogue is in use (the worker applies a stored one when it wakes up) and its rules.
async function showRules() {
  const [rules, stored] = await Promise.all([
    send({ type: 'factlint-rules' }),
    chrome.storage.local.get(['customRules', 'customRulesName', 'customRulesError', 'disabledRules']),
  ]);
  const list = Array.isArray(rules) ? rules : [];
  const off = list.filter((r) => r.enabled === false).length;
  const count = `${plural(list.length, 'rule')}${off ? `, ${off} switched off in it` : ''}`;
  $('rules-state').textContent = typeof stored.customRules === 'string'
    ? `Your catalogue “${stored.customRulesName || 'rules.json'}” is in use: ${count}.`
    : `The bundled rules are in use: ${count}.`;
  $('rules-reset').disabled = typeof stored.customRules !== 'string';
  if (stored.customRulesError) say('rules-message', `Your stored catalogue no longer loads: ${formatError(stored.customRulesError)}. The bundled rules are in use.`, 'error');
  renderRuleBoxes(list, new Set(stored.disabledRules || []));
}

function renderRuleBoxes(rules, disabled) {
  const box = $('rules');
  box.replaceChildren();
  for (const rule of rules) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = rule.id;
    input.checked = disabled.has(rule.id);
    input.addEventListener('change', async () => {
      const now = new Set((await chrome.storage.local.get('disabledRules')).disabledRules || []);
      if (input.checked) now.add(rule.id); else now.delete(rule.id);
      await chrome.storage.local.set({ disabledRules: [...now] });
    });
    const name = document.createElement('code');
    name.textContent = rule.id;
    const about = document.createElement('small');
    // The first sentence; the whole description on hover.
    const description = typeof rule.description === 'string' ? rule.description : '';
    const first = description.split(/(?<=[.!?])\s+(?=[A-Z"(])/)[0];
    about.textContent = `${rule.enabled === false ? '(off in the catalogue) ' : ''}${first}`;
    if (first !== description) label.title = description;
    label.append(input, name, about);
    box.append(label);
  }
}

async function init() {
  const stored = await chrome.storage.local.get(['minSeverity']);
  const select = $('min-severity');
  select.value = stored.minSeverity || 'info';
  select.addEventListener('change', () => chrome.storage.local.set({ minSeverity: select.value }));

  $('rules-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    const text = await file.text();
    const result = await send({ type: 'factlint-set-rules', text, name: file.name });
    if (result && result.ok) {
      say('rules-message', `Loaded ${file.name}: ${plural(result.rules, 'rule')}.`, 'ok');
    } else {
      say('rules-message', `${file.name} was not loaded: ${formatError(result && result.error)}. The previous rules are still in use.`, 'error');
    }
    event.target.value = '';
    showRules();
  });
  $('rules-reset').addEventListener('click', async () => {
    await send({ type: 'factlint-reset-rules' });
    say('rules-message', 'The bundled rules are in use again.', 'ok');
    showRules();
  });

  $('kb-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    const text = await file.text();
    const result = await send({ type: 'factlint-set-kb', text });
    if (result && result.ok) {
      await chrome.storage.local.set({ customKbName: file.name });
      say('kb-message', `Loaded ${file.name}${result.fromCache ? ' (compiled before: taken from the cache)' : ''}.`, 'ok');
    } else {
      say('kb-message', `${file.name} was not loaded: ${formatError(result && result.error)}. The previous KB is still in use.`, 'error');
    }
    event.target.value = '';
    showKbState();
  });
  $('kb-reset').addEventListener('click', async () => {
    await send({ type: 'factlint-reset-kb' });
    await chrome.storage.local.remove('customKbName');
    say('kb-message', 'The bundled KB is in use again.', 'ok');
    showKbState();
  });
  showKbState();
  showRules();
}

init();
