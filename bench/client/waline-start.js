// Starts Waline's client the way its docs show, with every feature that would reach the
// internet (emoji CDN, pageviews, counters, search) off, on the page given in the URL.
import { init } from '/waline/waline.js';

const params = new URLSearchParams(location.search);
init({
  el: '#waline',
  serverURL: location.origin,
  path: params.get('page'),
  pageSize: Number(params.get('count')),
  lang: 'en',
  emoji: false,
  search: false,
  reaction: false,
  pageview: false,
  comment: false,
  imageUploader: false,
  highlighter: false,
  texRenderer: false,
});
