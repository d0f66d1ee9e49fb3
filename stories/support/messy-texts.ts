/**
 * Real proposal titles as cities published them (from test/fixtures/texts): long compound
 * names, emoji sequences, Cyrillic in a Polish round, a leading zero-width space.
 */
export const messyTitles = {
  longPolish:
    'Wykonanie III etapu (kontynuacja) ścieżki pieszo-rowerowej wzdłuż Potoku Oruńskiego od str. pętli tramwajowej Łostowice -Świętokrzyska (zbiornika retencyjnego „Augustowska”) do Parku Oruńskiego.',
  emoji: '🌳🚶🏾‍♂️Ciekawiej nad SUDOŁEM DOMINIKAŃSKIM!🌳🚶🏾‍♂️',
  ukrainian: 'Купівля українських книг до краківських міських бібліотек',
  zeroWidthSpace: '\u200bWodny Plac Zabaw - rozbudowa placu zabaw w Parku na Zdrowiu o wodne strefy dla dzieci oraz huśtawki - Łódź Polesie',
};
