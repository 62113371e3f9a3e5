// Click-to-load: nothing is requested from YouTube or Brevo until the visitor presses a button.
// Same-origin and external, so the pages' Content Security Policy (script-src 'self') allows it.
(function () {
  function frame(src, title, className) {
    var iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = title;
    iframe.className = className;
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    return iframe;
  }

  // A recording: the youtube-nocookie.com player takes the button's place, and focus moves into it.
  [].forEach.call(document.querySelectorAll('.recording[data-embed] .play'), function (button) {
    button.addEventListener('click', function () {
      var box = button.closest('.recording');
      var video = document.createElement('div');
      video.className = 'video';
      var iframe = frame(box.getAttribute('data-embed'), box.getAttribute('data-title'), 'video-frame');
      iframe.setAttribute('allow', 'autoplay; encrypted-media; picture-in-picture; fullscreen');
      iframe.setAttribute('allowfullscreen', '');
      video.appendChild(iframe);
      box.insertBefore(video, box.firstChild);
      box.classList.add('is-playing');
      var note = box.querySelector('.recording-note');
      if (note) note.remove();
      button.remove();
      iframe.focus();
    });
  });

  // The newsletter: Brevo's hosted form in a frame below the buttons.
  [].forEach.call(document.querySelectorAll('[data-form] .show-form'), function (button) {
    button.addEventListener('click', function () {
      var box = button.closest('[data-form]');
      var iframe = frame(box.getAttribute('data-form'), 'Newsletter sign-up form (Brevo)', 'form-frame');
      box.parentNode.insertBefore(iframe, box.nextSibling);
      var note = box.parentNode.querySelector('.form-note');
      if (note) note.remove();
      button.remove();
      iframe.focus();
    });
  });
})();
