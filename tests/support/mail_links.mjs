// What a reader does with a mail from parleyd: find its link, open it, press the page's
// button. Shared by the notification tests (server and browser side).
import assert from 'node:assert/strict';

/** The first http(s) link in a mail's text whose path is `pathname`, as a URL. */
export function mailLink(mail, pathname) {
  const found = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === pathname);
  assert.ok(found, `no ${pathname} link in:\n${mail.text}`);
  return new URL(found);
}

/**
 * Submits the one form of a link's page, as a browser does when its button is pressed
 * (the hidden fields' values unescaped as a browser reads them).
 * @param {string} baseUrl parleyd's origin
 */
export async function pressButton(baseUrl, pageHtml) {
  const action = pageHtml.match(/<form method="post" action="([^"]+)"/)?.[1];
  assert.ok(action, pageHtml);
  const fields = new URLSearchParams();
  for (const m of pageHtml.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields.append(m[1], m[2].replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  }
  const res = await fetch(`${baseUrl}${action}`, { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
  return { status: res.status, text: await res.text() };
}
