// The visitor's own time after each session time, and how far away it is. No cookie, no storage.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  function fmt(ms, o, locale) {
    o.timeZone = zone;
    return new Intl.DateTimeFormat(locale || 'en-GB', o).format(ms).replace(',', '');
  }
  function day(ms) { return fmt(ms, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) + ', '; }
  function hm(ms) { return fmt(ms, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }); }
  function ymd(ms) { return fmt(ms, {}, 'en-CA'); }
  function n(k, unit) { return k + ' ' + unit + (k === 1 ? '' : 's'); }

  // '' where the visitor's wall time is the page's own.
  function local(iso, start, end) {
    if (ymd(start) + 'T' + hm(start) === iso.slice(0, 16)) return '';
    return '= ' + (ymd(start) === iso.slice(0, 10) ? '' : day(start)) + hm(start) + '–' +
      (ymd(end) === ymd(start) ? '' : day(end)) + hm(end) + ' in your time zone (' + zone + ')';
  }

  function until(start, end, now) {
    var m = Math.ceil((start - now) / 60000);
    return now >= end ? '' : now >= start ? 'happening now' : m < 60 ? 'starting in ' + n(m, 'minute')
      : m < 1440 ? 'starting in ' + n(Math.round(m / 60), 'hour') : 'in ' + n(Math.round(m / 1440), 'day');
  }

  var items = [].map.call(document.querySelectorAll('time[data-end]'), function (el) {
    var span = document.createElement('span');
    span.className = 'local-time';
    el.after(span);
    return [el, span];
  });
  function update() {
    items.forEach(function (item) {
      var iso = item[0].getAttribute('datetime'), start = Date.parse(iso);
      var end = Date.parse(item[0].getAttribute('data-end')), mine = local(iso, start, end);
      var left = item[0].hasAttribute('data-countdown') ? until(start, end, Date.now()) : '';
      item[1].textContent = (mine ? ' ' + mine : '') + (left ? ' · ' + left : '');
    });
  }
  update();
  setInterval(update, 60000);
})();
