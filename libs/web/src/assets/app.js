/*
 * The little the pages do with JavaScript; everything works without it.
 * - Forms marked data-once submit once: a double click sends one request.
 * - A quiz with a deadline shows a countdown and submits itself at zero.
 * - A quiz asks before submitting with questions left unanswered.
 * - A button marked data-print prints the page (the feedback card).
 */
(function () {
  'use strict';

  function lockForm(form) {
    form.dataset.sent = 'true';
    var buttons = form.querySelectorAll('button[type="submit"], button:not([type])');
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      button.setAttribute('aria-disabled', 'true');
      if (button.dataset.submitting) button.textContent = button.dataset.submitting;
      // Disabled only after the browser has taken the button's value into the submission.
      setTimeout(disableLater(button), 0);
    }
  }

  function disableLater(button) {
    return function () {
      button.disabled = true;
    };
  }

  function unanswered(form) {
    var questions = form.querySelectorAll('[data-question]');
    for (var i = 0; i < questions.length; i++) {
      if (!questions[i].querySelector('input:checked')) return true;
    }
    return false;
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest('[data-print]')) window.print();
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-once')) return;
    if (form.dataset.sent === 'true') {
      event.preventDefault();
      return;
    }
    var question = form.dataset.confirmUnanswered;
    if (question && form.dataset.auto !== 'true' && unanswered(form) && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    lockForm(form);
  });

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function startCountdown(box) {
    var deadline = Date.parse(box.dataset.deadline);
    var value = box.querySelector('[data-countdown]');
    var form = document.getElementById(box.dataset.form);
    if (!value || isNaN(deadline)) return;
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var hours = Math.floor(left / 3600);
      var minutes = Math.floor((left % 3600) / 60);
      var seconds = left % 60;
      value.textContent = (hours > 0 ? hours + ':' + pad(minutes) : String(minutes)) + ':' + pad(seconds);
      if (left <= 60) box.classList.add('countdown--urgent');
      if (left === 0) {
        clearInterval(timer);
        if (form && form.dataset.sent !== 'true') {
          form.dataset.auto = 'true';
          if (typeof form.requestSubmit === 'function') form.requestSubmit();
          else form.submit();
        }
      }
    }
    var timer = setInterval(tick, 1000);
    tick();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var boxes = document.querySelectorAll('[data-deadline]');
    for (var i = 0; i < boxes.length; i++) startCountdown(boxes[i]);
  });
})();
