/**
 * Characters as residents count them: code points, so an emoji or an accented letter typed as one
 * is one. Every limit on a resident's text (feedback answers, a simulation's comment) is checked
 * with it, and the character count under a text field shows it, so the two never disagree.
 */
export function characterLength(text: string): number {
  return [...text].length;
}
