// "Copy link" on session and talk pages: copies the page's address and says so in a live region.
// Same-origin and external, so the pages' Content Security Policy (script-src 'self') allows it.
// Without JavaScript the button is hidden (noscript.css); without a clipboard it is removed.
(function () {
  [].forEach.call(document.querySelectorAll('.copy-link[data-url]'), function (box) {
    var button = box.querySelector('.copy-link-button');
    var status = box.querySelector('.copy-link-status');
    if (!button || !status) return;
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      box.remove();
      return;
    }
    var label = button.textContent;
    var timer;
    function say(text) {
      // Emptied first, so that a second copy is announced again.
      status.textContent = '';
      window.setTimeout(function () { status.textContent = text; }, 50);
      button.textContent = text;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { button.textContent = label; }, 3000);
    }
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(box.getAttribute('data-url')).then(function () {
        say('Link copied');
      }, function () {
        say('Could not copy the link');
      });
    });
  });
})();
