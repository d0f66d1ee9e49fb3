// The results page shows the round its address names (results.html?round=ID), else last year's.
const round = new URLSearchParams(location.search).get('round');
if (round) document.querySelector('civic-results').setAttribute('round', round);
