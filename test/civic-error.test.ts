import { expect } from '@open-wc/testing';
import { CivicError } from '../src/client/client.js';

describe('CivicError in the browser', () => {
  it('keeps its code and the server detail', () => {
    const error = new CivicError('closed', 'round closed', { status: 409, detail: 'Voting ended on 1 May' });
    expect(error.code).to.equal('closed');
    expect(error.detail).to.equal('Voting ended on 1 May');
    expect(error).to.be.instanceOf(Error);
  });
});
