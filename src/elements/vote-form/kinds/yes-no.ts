/** Yes/no ballots: a question per proposal (one proposal: a single question), with abstain when the round allows it. */
import { html, nothing } from 'lit';
import type { YesNoAnswer, YesNoRules } from '../../../domain/types.js';
import { errorMessages } from '../parts/row.js';
import { answerText } from '../texts.js';
import type { BallotView } from '../view.js';
import { localText } from '../../../core/local-text.js';

type Answers = Record<string, YesNoAnswer>;

export function yesNo(view: BallotView<Answers>) {
  const answers: YesNoAnswer[] = (view.rules as YesNoRules).allowAbstain ? ['yes', 'no', 'abstain'] : ['yes', 'no'];
  return html`<ul class="rows" role="list">
    ${view.shown.map((proposal) => {
      const id = view.idOf(proposal.id);
      return html`<li class="row ${view.errors.has(id) ? 'row--error' : ''}" part="proposal">
        <fieldset class="fieldset" aria-describedby=${view.errors.has(id) ? `${id}-error` : nothing}>
          <legend class="label"><span class="title" dir="auto">${localText(proposal.title, view.locale)}</span> <span class="cost">${view.money(proposal.cost)}</span></legend>
          ${errorMessages(view, id)}
          <div class="answers">
            ${answers.map(
              (answer, index) => html`<span class="answer">
                <input
                  type="radio"
                  class="check"
                  name=${id}
                  id=${index ? `${id}-${answer}` : id}
                  .checked=${view.selections[proposal.id] === answer}
                  @change=${() => view.change({ ...view.selections, [proposal.id]: answer })}
                /><label for=${index ? `${id}-${answer}` : id}>${answerText(answer)}</label>
              </span>`,
            )}
          </div>
        </fieldset>
        ${view.details(proposal)}
      </li>`;
    })}
  </ul>`;
}
