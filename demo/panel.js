// The facilitator types their code once; it goes to the panel screen only, never into the address.
document.getElementById('facilitator-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = event.target.elements.code.value.trim();
  const screen = document.querySelector('civic-panel-screen');
  if (code) screen.facilitatorCode = code;
  else screen.facilitatorCode = undefined;
});
