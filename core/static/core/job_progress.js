// The progress of a registrar job (bulk issuance, a registry change, a records export), polled from
// its endpoint, whose answer always has core.jobs.JobProgress's fields: state, total, done,
// remaining, percent, finished (plus the job's own counts).
//
// ttaJobProgress(root, update, {delay}) reads root.dataset.progressUrl; sets the <progress
// data-job-bar> in root and every [data-job-field="name"] element's text to body[name]; then calls
// update(body) for what is the page's own. Polls every second while update returns true (or, if it
// returns nothing, until body.finished), every 5 s after an error (the page keeps its last figures).
window.ttaJobProgress = function (root, update, {delay = 1000} = {}) {
  const url = root.dataset.progressUrl;
  async function poll() {
    let body;
    try {
      const response = await fetch(url, {credentials: "same-origin", cache: "no-store"});
      if (!response.ok) throw new Error(response.status);
      body = await response.json();
    } catch (error) {
      setTimeout(poll, 5000);
      return;
    }
    for (const bar of root.querySelectorAll("[data-job-bar]")) {
      bar.value = body.percent;
      bar.textContent = body.percent + "%";
    }
    for (const field of root.querySelectorAll("[data-job-field]")) {
      field.textContent = body[field.dataset.jobField];
    }
    const more = update ? update(body) : undefined;
    if (more === undefined ? !body.finished : more) setTimeout(poll, 1000);
  }
  setTimeout(poll, delay);
};
