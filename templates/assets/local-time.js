// The visitor's own time beside each session time, in their conventions, and how far away the next
// sessions are; once the next session has ended, the one after it takes its place on the webinar page
// (the page may have been built hours before). Nothing is added where the visitor's clock shows the
// page's own time. No cookie, no storage.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var locale = (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';
  function format(loc, o) { o.timeZone = zone; return new Intl.DateTimeFormat(loc, o); }
  var hours = format(locale, { hour: 'numeric', minute: '2-digit' });
  var day = format(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  var wall = format('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var named = format(locale, { timeZoneName: 'short' });
  // "2024-03-25T16:00", as the page's own datetime starts.
  function wallTime(ms) { return wall.format(ms).replace(', ', 'T'); }
  // "New York (EST)": the zone's city, and its abbreviation where it has one ("GMT+9" is none).
  function place(ms) {
    var city = zone.split('/').pop().replace(/_/g, ' ');
    // Browsers still resolve some zones to their old names.
    city = { Katmandu: 'Kathmandu', Calcutta: 'Kolkata', Saigon: 'Ho Chi Minh', Rangoon: 'Yangon', Kiev: 'Kyiv' }[city] || city;
    var parts = named.formatToParts(ms).filter(function (p) { return p.type === 'timeZoneName'; });
    var abbr = parts.length ? parts[0].value : '';
    return /^[A-Z]{2,5}$/.test(abbr) && abbr !== city ? city + ' (' + abbr + ')' : city;
  }
  function n(k, unit) { return k + ' ' + unit + (k === 1 ? '' : 's'); }

  // '' where the visitor's wall time is the page's own; the day only when it is not the page's.
  function local(iso, start, end) {
    var mine = wallTime(start);
    if (mine === iso.slice(0, 16)) return '';
    var range = hours.formatRange ? hours.formatRange(start, end) : hours.format(start) + '–' + hours.format(end);
    return (mine.slice(0, 10) === iso.slice(0, 10) ? '' : day.format(start) + ', ') + range + ' in ' + place(start);
  }

  function until(start, end, now) {
    var m = Math.ceil((start - now) / 60000);
    return now >= end ? '' : now >= start ? 'Live now' : m < 60 ? 'Starts in ' + n(m, 'minute')
      : m < 1440 ? 'Starts in ' + n(Math.round(m / 60), 'hour') : 'In ' + n(Math.round(m / 1440), 'day');
  }

  // The next session has ended: the one after it (built into a <template>, one for each session that can
  // follow, from the end of the one before) takes its place, it leaves "Later webinars", and screen readers
  // are told once, politely.
  function follow(now) {
    var due = [].filter.call(document.querySelectorAll('template.next-then'), function (t) { return now >= Date.parse(t.getAttribute('data-from')); });
    var current = document.querySelector('.next-now'), then = due[due.length - 1];
    if (!current || !then) return false;
    var block = document.createElement('div');
    block.className = 'next-now';
    block.appendChild(then.content.cloneNode(true));
    block.querySelector('h2').id = 'next-webinar';
    current.replaceWith(block);
    due.forEach(function (t) { t.remove(); });
    [].forEach.call(document.querySelectorAll('.later li[data-promoted-at]'), function (li) {
      if (now >= Date.parse(li.getAttribute('data-promoted-at'))) li.remove();
    });
    var later = document.querySelector('.later');
    if (later && !later.querySelector('li')) later.remove();
    var announce = document.querySelector('.next-announce');
    if (announce) announce.textContent = then.getAttribute('data-announce');
    return true;
  }

  var items = [];
  function decorate() {
    [].forEach.call(document.querySelectorAll('time[data-end]'), function (el) {
      if (items.some(function (item) { return item[0] === el; })) return;
      var span = document.createElement('span');
      el.after(span);
      items.push([el, span, !!el.closest('li')]);
    });
  }
  // "Live now" and the way in, from the session's start to its end (the page may have been built before).
  function live(now) {
    [].forEach.call(document.querySelectorAll('[data-live-until]'), function (el) {
      el.hidden = !(now >= Date.parse(el.getAttribute('data-live-from')) && now < Date.parse(el.getAttribute('data-live-until')));
    });
  }
  function update() {
    if (follow(Date.now())) decorate();
    live(Date.now());
    items.forEach(function (item) {
      var iso = item[0].getAttribute('datetime'), start = Date.parse(iso);
      var end = Date.parse(item[0].getAttribute('data-end')), mine = local(iso, start, end);
      var left = item[0].hasAttribute('data-countdown') ? until(start, end, Date.now()) : '';
      var live = left === 'Live now';
      // A card says it in its "Live now" block.
      var card = item[0].closest('.next-card, .event-card');
      if (live && card && card.querySelector('.live-now')) left = '';
      item[1].className = 'local-time' + (live ? ' is-live' : '');
      if (item[2]) {
        // In a list, one short aside: " (your time: 10:00–11:30 in New York; in 5 days)".
        var both = (mine ? 'your time: ' + mine : '') + (mine && left ? '; ' : '') + left.toLowerCase();
        item[1].textContent = both ? ' (' + both + ')' : '';
      } else {
        item[1].textContent = (mine ? 'Your time: ' + mine : '') + (mine && left ? '. ' : '') + left;
      }
    });
  }
  follow(Date.now());
  decorate();
  update();
  // Often enough that "Live now" and the next session come within seconds of the minute.
  setInterval(update, 15000);
})();
