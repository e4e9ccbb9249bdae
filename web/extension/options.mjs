// The options page: severity threshold, rules to silence, and a custom KB. The KB is validated
// by the service worker's checker; an invalid file is rejected with its error and place, and the
// previous KB stays in use.

const $ = (id) => document.getElementById(id);

function send(message) {
  return chrome.runtime.sendMessage(message);
}

function formatError(error) {
  const place = [error.line ? `line ${error.line}` : '', error.column ? `column ${error.column}` : '', error.path || '']
    .filter(Boolean).join(', ');
  return `${place ? `${place}: ` : ''}${error.message} (${error.kind})`;
}

function say(text, kind) {
  const p = $('kb-message');
  p.textContent = text;
  p.className = kind;
}

async function showKbState() {
  const { customKb, customKbName, customKbError } = await chrome.storage.local.get(['customKb', 'customKbName', 'customKbError']);
  $('kb-state').textContent = customKb ? `Your KB “${customKbName || 'custom'}” is in use.` : 'The bundled knowledge base is in use.';
  if (customKbError) say(`Your stored KB no longer loads: ${formatError(customKbError)}`, 'error');
}

async function init() {
  const stored = await chrome.storage.local.get(['minSeverity', 'disabledRules']);
  const select = $('min-severity');
  select.value = stored.minSeverity || 'info';
  select.addEventListener('change', () => chrome.storage.local.set({ minSeverity: select.value }));

  const disabled = new Set(stored.disabledRules || []);
  const rules = (await send({ type: 'factlint-rules' })) || [];
  const box = $('rules');
  for (const rule of Array.isArray(rules) ? rules : []) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = rule.id;
    input.checked = disabled.has(rule.id);
    input.addEventListener('change', async () => {
      if (input.checked) disabled.add(rule.id); else disabled.delete(rule.id);
      await chrome.storage.local.set({ disabledRules: [...disabled] });
    });
    const name = document.createElement('span');
    name.textContent = rule.id;
    const about = document.createElement('small');
    about.textContent = rule.description || '';
    label.append(input, name, about);
    box.append(label);
  }

  $('kb-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    const text = await file.text();
    const result = await send({ type: 'factlint-set-kb', text });
    if (result && result.ok) {
      await chrome.storage.local.set({ customKbName: file.name });
      say(`Loaded ${file.name}.`, 'ok');
    } else {
      say(`${file.name} was not loaded: ${formatError(result.error)}. The previous KB is still in use.`, 'error');
    }
    event.target.value = '';
    showKbState();
  });
  $('kb-reset').addEventListener('click', async () => {
    await send({ type: 'factlint-reset-kb' });
    await chrome.storage.local.remove('customKbName');
    say('The bundled KB is in use again.', 'ok');
    showKbState();
  });
  showKbState();
}

init();
