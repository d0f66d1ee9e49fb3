// The receipt check: asks the council's server whether a receipt is counted (GET /api/receipts/ID).
// The answer names the round and when the vote arrived, never the choices.
const form = document.getElementById('receipt-check');
const input = document.getElementById('receipt');
const answer = document.getElementById('receipt-answer');

function say(title, text, missing) {
  const heading = document.createElement('h2');
  heading.textContent = title;
  const body = document.createElement('p');
  body.textContent = text;
  answer.className = missing ? 'answer answer--missing' : 'answer';
  answer.replaceChildren(heading, body);
}

async function roundTitle(roundId) {
  const response = await fetch(`/api/rounds/${encodeURIComponent(roundId)}`);
  return response.ok ? (await response.json()).title : roundId;
}

async function check(id) {
  if (!id) return say('Enter your receipt number', 'It is on the confirmation you saw after voting.', true);
  answer.replaceChildren();
  try {
    const response = await fetch(`/api/receipts/${encodeURIComponent(id)}`);
    if (response.status === 404) return say('We cannot find that receipt', `There is no vote with the receipt number ${id}. Check it against your confirmation, letter by letter.`, true);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const receipt = await response.json();
    const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(receipt.receivedAt));
    say('Your vote is counted', `Receipt ${receipt.id}: received on ${when}, in ${await roundTitle(receipt.roundId)}.`, false);
  } catch {
    say('We could not check just now', 'The council’s server did not answer. Try again in a minute.', true);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = input.value.trim();
  history.replaceState(null, '', id ? `?receipt=${encodeURIComponent(id)}` : location.pathname);
  check(id);
});

// A link from the receipt (receipt.html?receipt=ID) checks at once.
const linked = new URLSearchParams(location.search).get('receipt');
if (linked) {
  input.value = linked;
  check(linked.trim());
}
