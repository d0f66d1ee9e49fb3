// The embed builder: the webmaster's choices become a snippet and a live preview of exactly that
// snippet. A file, not an inline script: the site's Content Security Policy allows only 'self'.

/** What each widget shows, from the demo's seed: its attribute and the choices for it. */
const SOURCES = {
  round: [
    ['fernwick-2026', 'Neighbourhood Fund 2026 (open: choose projects within £250,000)'],
    ['fernwick-2025', 'Neighbourhood Fund 2025 (closed, with results)'],
    ['fernwick-youth-2026', 'Youth Fund 2026 (open: share points)'],
    ['canal-wharf-priorities', 'Canal Wharf priorities (open: rank)'],
    ['elmhurst-pavilion', 'Elmhurst pavilion (open: choose one)'],
    ['st-judes-hall', "St Jude's hall (open: yes or no)"],
    ['ashcombe-estate-2026', 'Ashcombe estate 2026 (open: voting codes)'],
  ],
  simulation: [
    ['fernwick-council-budget-2026', 'Council budget 2026/27 (balance it)'],
    ['fernwick-budget-2026', 'A shorter budget 2026/27'],
    ['fernwick-priorities-2026', 'Share 100 points among priorities'],
  ],
  form: [
    ['fernwick-feedback', 'Tell us what you think'],
    ['fernwick-park-consultation', 'The future of Canal Wharf Park'],
  ],
};

const ELEMENTS = {
  'vote-form': 'round',
  'proposal-list': 'round',
  results: 'round',
  'budget-simulator': 'simulation',
  'feedback-form': 'form',
};

/** The languages the widgets are translated into: src/i18n/locale-codes.ts (an e2e test keeps them equal). */
const LOCALES = ['en-GB', 'ar', 'bn', 'cy', 'lt', 'pl', 'pt', 'ro', 'ur'];

/** A partner's brand as the widgets' design tokens (the README's theming section lists them all). */
const THEMES = {
  council: {},
  library: {
    '--civic-font-family': 'Georgia, serif',
    '--civic-color-primary': '#5a2a82',
    '--civic-color-primary-hover': '#43205f',
    '--civic-color-link': '#5a2a82',
    '--civic-radius': '8px',
  },
  youth: {
    '--civic-font-family': '"Trebuchet MS", Verdana, sans-serif',
    '--civic-color-primary': '#005f5a',
    '--civic-color-primary-hover': '#00443f',
    '--civic-color-link': '#005f5a',
    '--civic-radius': '16px',
  },
};

const $ = (id) => document.getElementById(id);
const controls = { element: $('element'), source: $('source'), locale: $('locale'), theme: $('theme') };
const server = location.origin;

for (const code of LOCALES) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  controls.locale.append(new Option(`${name} (${code})`, code));
}

function fillSources() {
  const kind = ELEMENTS[controls.element.value];
  const keep = controls.source.value;
  controls.source.replaceChildren(...SOURCES[kind].map(([id, label]) => new Option(label, id)));
  if (SOURCES[kind].some(([id]) => id === keep)) controls.source.value = keep;
}

/** The choices as an element's tag and attributes, in the order the snippet shows them. */
function chosen() {
  const name = controls.element.value;
  return {
    tag: `civic-${name}`,
    attributes: [
      ['api', `${server}/api`],
      [ELEMENTS[name], controls.source.value],
      ['locale', controls.locale.value],
    ],
    theme: THEMES[controls.theme.value],
    kind: document.querySelector('input[name="kind"]:checked').value,
  };
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function snippets({ tag, attributes, theme, kind }) {
  const element = `<${tag} ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></${tag}>`;
  const tokens = Object.entries(theme);
  const style = tokens.length === 0 ? '' : `<style>\n  ${tag} {\n${tokens.map(([name, value]) => `    ${name}: ${value};`).join('\n')}\n  }\n</style>\n`;
  if (kind === 'npm') return { js: `import 'civic-widgets/${tag.slice('civic-'.length)}';`, html: `${style}${element}` };
  return { js: '', html: `${style}${element}\n<script src="${server}/civic-widgets.js" defer></script>` };
}

function update() {
  const choice = chosen();
  const code = snippets(choice);
  $('snippet-html').value = code.html;
  $('snippet-js').value = code.js;
  $('npm-install').hidden = choice.kind !== 'npm';
  $('snippet-html-label').textContent = choice.kind === 'npm' ? 'And put the element in your page or template' : 'Paste this into your page';
  $('copied').textContent = '';

  // The preview is the snippet's element; the page's loader defines it when it appears.
  const element = document.createElement(choice.tag);
  for (const [name, value] of choice.attributes) element.setAttribute(name, value);
  const preview = $('preview');
  for (const name of Object.keys(THEMES.library)) preview.style.removeProperty(name);
  for (const [name, value] of Object.entries(choice.theme)) preview.style.setProperty(name, value);
  preview.replaceChildren(element);
}

async function copy(id) {
  const text = $(id).value;
  try {
    await navigator.clipboard.writeText(text);
    $('copied').textContent = 'Copied. Paste it into your page.';
  } catch {
    $(id).select();
    $('copied').textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
  }
}

controls.element.addEventListener('change', () => {
  fillSources();
  update();
});
$('builder').addEventListener('change', update);
$('builder').addEventListener('submit', (event) => event.preventDefault());
for (const button of document.querySelectorAll('[data-copy]')) button.addEventListener('click', () => copy(button.dataset.copy));

fillSources();
update();
