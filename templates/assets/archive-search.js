// Search and filter the archive in place: words (title, abstract, speakers, affiliations; accents and
// case ignored), season, year, topic, "with a recording". Every talk is in the page; the words of the
// abstracts, which it does not show, come from the site's search index (one file, fetched at the first
// search; until it is there the page's own text is searched). The state is in the address (?q=…&topic=…),
// so a filtered archive can be linked to. Without JavaScript the form is hidden and the archive lists
// everything.
(function () {
  var form = document.querySelector('form.archive-search');
  if (!form) return;
  var entries = [].slice.call(document.querySelectorAll('.season .entry'));
  var sections = [].slice.call(document.querySelectorAll('.season'));
  var status = form.querySelector('.search-status');
  var noMatch = document.querySelector('.no-match');
  var fields = { q: form.elements.q, season: form.elements.season, year: form.elements.year, topic: form.elements.topic, recording: form.elements.recording };
  var texts, index, asked;

  // As the build folds the index's words (src/publish/search-index.ts).
  function fold(text) { return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function load() {
    if (asked) return;
    asked = true;
    fetch(form.getAttribute('data-index')).then(function (r) { return r.ok ? r.json() : null; }).then(function (json) {
      if (!json) return;
      index = json.talks;
      texts = undefined;
      apply(false);
      // Said for tools that time a search (npm run bench): the abstracts' words are searched now.
      form.setAttribute('data-index-loaded', '');
    }).catch(function () { /* the page's own text is searched */ });
  }
  function value(name) { var f = fields[name]; return !f ? '' : f.type === 'checkbox' ? (f.checked ? '1' : '') : f.value; }

  function apply(announce) {
    // The words of each talk, read once, when first needed (again once the index is there).
    texts = texts || entries.map(function (entry) { return words(entry.textContent).join(' ') + ' ' + ((index && index[entry.id]) || ''); });
    var typed = words(value('q'));
    if (typed.length) load();
    var season = value('season'), year = value('year'), topic = value('topic'), recording = value('recording');
    var shown = 0;
    entries.forEach(function (entry, i) {
      var match = typed.every(function (word) { return texts[i].indexOf(word) !== -1; })
        && (!season || entry.getAttribute('data-season') === season)
        && (!year || entry.getAttribute('data-year') === year)
        && (!topic || (' ' + entry.getAttribute('data-topics') + ' ').indexOf(' ' + topic + ' ') !== -1)
        && (!recording || entry.hasAttribute('data-recording'));
      entry.hidden = !match;
      if (match) shown++;
    });
    sections.forEach(function (section) { section.hidden = !section.querySelector('.entry:not([hidden])'); });
    var filtered = typed.length || season || year || topic || recording;
    noMatch.hidden = shown > 0;
    var text = !filtered ? '' : shown === 0 ? 'No talk matches.' : shown + ' of ' + entries.length + (entries.length === 1 ? ' talk' : ' talks');
    if (announce) {
      // Said once the visitor pauses, not at every key.
      clearTimeout(apply.timer);
      apply.timer = setTimeout(function () { status.textContent = text; }, 400);
    } else {
      status.textContent = text;
    }
    var params = [];
    Object.keys(fields).forEach(function (name) { if (value(name)) params.push(name + '=' + encodeURIComponent(value(name))); });
    history.replaceState(null, '', location.pathname + (params.length ? '?' + params.join('&') : '') + location.hash);
  }

  // A linked search (?topic=fairness) is applied before the first paint (the script blocks it).
  var query = new URLSearchParams(location.search);
  Object.keys(fields).forEach(function (name) {
    var f = fields[name], given = query.get(name);
    if (!f || given === null) return;
    if (f.type === 'checkbox') f.checked = given === '1';
    else if (f.tagName !== 'SELECT' || [].some.call(f.options, function (o) { return o.value === given; })) f.value = given;
  });
  if ([].some.call(Object.keys(fields), value)) apply(false);

  form.addEventListener('input', function () { apply(true); });
  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(true); });
})();
