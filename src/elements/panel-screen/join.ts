/**
 * How panel members get to the vote page: a QR code and a short address to type. The QR encoder
 * (uqr) is loaded only when a screen shows one, so no other page pays for it; the code is drawn
 * here as one SVG path in the text colour, with a quiet zone of the background.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost } from 'lit';

/** The QR code of each address, drawn once. */
const drawn = new Map<string, { size: number; path: string }>();

/** Loads the encoder and draws `url`, then asks `host` to render again. */
export function drawQr(url: string, host: ReactiveControllerHost): void {
  if (drawn.has(url)) return;
  void import('uqr').then(({ encode }) => {
    if (drawn.has(url)) return;
    // Medium error correction: readable from a projector with some glare; a border of 4 modules, as the standard asks.
    const { data, size } = encode(url, { ecc: 'M', border: 4 });
    let path = '';
    data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
    drawn.set(url, { size, path });
    host.requestUpdate();
  });
}

/** `fernwick.gov.uk/vote` from `https://fernwick.gov.uk/vote/`: what a resident types. */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
}

export function renderJoin(url: string | undefined) {
  if (!url) return nothing;
  const qr = drawn.get(url);
  const address = shortAddress(url);
  return html`<figure class="join" part="join">
    ${qr
      ? html`<svg class="join__qr" part="qr" viewBox="0 0 ${qr.size} ${qr.size}" role="img" aria-label=${msg('QR code of the vote page')} shape-rendering="crispEdges">
          <rect class="join__quiet" width=${qr.size} height=${qr.size}></rect><path class="join__modules" d=${qr.path}></path>
        </svg>`
      : html`<span class="join__qr join__qr--loading" aria-hidden="true"></span>`}
    <figcaption class="join__caption">${msg('Vote on your phone at')} <span class="join__address" dir="ltr">${address}</span></figcaption>
  </figure>`;
}
