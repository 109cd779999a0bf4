// Polls a JSON progress endpoint: every second while `update(body)` returns true, every 5 s after
// an error (the page keeps its last figures meanwhile). Used by the bulk issuance and registry
// change pages.
window.ttaPollProgress = function (url, update, {delay = 0} = {}) {
  async function poll() {
    let body;
    try {
      const response = await fetch(url, {credentials: "same-origin"});
      if (!response.ok) throw new Error(response.status);
      body = await response.json();
    } catch (error) {
      setTimeout(poll, 5000);
      return;
    }
    if (update(body)) setTimeout(poll, 1000);
  }
  setTimeout(poll, delay);
};
