/*
 * The little the pages do with JavaScript; everything works without it.
 * - Forms marked data-once submit once: a double click sends one request.
 * - A quiz with a deadline shows a countdown and submits itself at zero.
 * - A quiz asks before submitting with questions left unanswered.
 * - A JSON file chosen for an import fills the text box (nothing is uploaded apart).
 * - A lesson's Markdown is previewed as typed (rendered by the server's inert renderer).
 * - The rubric form shows the weighted result and pass or fail as scores are typed.
 * - A button marked data-print prints the page (the sign-in sheet, the feedback card).
 * - On a phone, where the menu is one row that scrolls sideways, the current page's entry is scrolled into sight.
 * - A file form marked data-progress shows how much of the file is sent, then that the server is
 *   checking it (without JavaScript the form posts as usual); a file input with data-max-bytes
 *   refuses a file over that size before anything is sent.
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

  function fillFromFile(input) {
    input.addEventListener('change', function () {
      var target = document.getElementById(input.dataset.fills);
      var file = input.files && input.files[0];
      if (!target || !file) return;
      var reader = new FileReader();
      reader.onload = function () {
        target.value = String(reader.result);
      };
      reader.readAsText(file);
    });
  }

  function livePreview(area) {
    var target = document.getElementById(area.dataset.preview);
    var form = area.form;
    var token = form && form.querySelector('input[name="_csrf"]');
    if (!target || !token || !window.fetch) return;
    var timer = null;
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams();
        body.set('_csrf', token.value);
        body.set('markdown', area.value);
        fetch('/trainer/markdown-preview', { method: 'POST', body: body, credentials: 'same-origin' })
          .then(function (response) {
            return response.ok ? response.text() : null;
          })
          .then(function (html) {
            if (html !== null) target.innerHTML = html;
          })
          .catch(function () {});
      }, 400);
    });
  }

  function liveRubric(form) {
    var inputs = form.querySelectorAll('input[data-weight]');
    var box = document.getElementById('grade-result');
    var template = form.querySelector('[data-result-template]');
    var threshold = Number(form.dataset.threshold);
    if (!box || !template) return;
    function update() {
      var total = 0;
      for (var i = 0; i < inputs.length; i++) {
        var value = Number(String(inputs[i].value).replace(',', '.'));
        var max = Number(inputs[i].dataset.max);
        if (inputs[i].value === '' || isNaN(value) || value < 0 || value > max) return;
        total += (Number(inputs[i].dataset.weight) * value) / max;
      }
      total = Math.round(total * 100) / 100;
      var passed = total >= threshold;
      var line = document.createElement('p');
      var strong = document.createElement('strong');
      strong.textContent = template.dataset.label.replace(
        '{score}',
        total.toLocaleString(document.documentElement.lang),
      );
      var badge = document.createElement('span');
      badge.className = 'badge ' + (passed ? 'badge--completed' : 'badge--overdue');
      badge.textContent = passed ? template.dataset.pass : template.dataset.fail;
      line.appendChild(strong);
      line.appendChild(document.createTextNode(' — '));
      line.appendChild(badge);
      var old = box.querySelector('[data-live]') || box.querySelector('p:not([data-result-template])');
      line.setAttribute('data-live', 'true');
      if (old) box.replaceChild(line, old);
      else box.insertBefore(line, template);
    }
    for (var i = 0; i < inputs.length; i++) inputs[i].addEventListener('input', update);
  }

  function progressBox(form) {
    var box = document.getElementById(form.dataset.progress);
    return box && box.querySelector('progress') ? box : null;
  }

  function showProgress(box, sent, total) {
    var bar = box.querySelector('progress');
    var status = box.querySelector('[role="status"]');
    if (total > 0 && sent < total) {
      var percent = Math.floor((sent / total) * 100);
      bar.value = percent;
      // The live region speaks at every tenth, not at every event.
      var step = String(Math.floor(percent / 10) * 10);
      if (status.dataset.step !== step) {
        status.dataset.step = step;
        status.textContent = box.dataset.sending.replace('{percent}', step);
      }
    } else {
      bar.removeAttribute('value');
      status.textContent = box.dataset.checking;
    }
  }

  /** The answer's page in place of this one: a redirect is followed, a refusal (422, 413) is shown as sent. */
  function showAnswer(xhr, form) {
    if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL && xhr.responseURL !== form.action) {
      window.location.assign(xhr.responseURL);
      return;
    }
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    var alert = document.getElementById('form-alert') || document.querySelector('h1');
    if (alert) {
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    }
  }

  function sendWithProgress(form, box) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (event) {
      showProgress(box, event.loaded, event.lengthComputable ? event.total : 0);
    });
    xhr.upload.addEventListener('load', function () {
      showProgress(box, 1, 1);
    });
    xhr.addEventListener('load', function () {
      showAnswer(xhr, form);
    });
    xhr.addEventListener('error', function () {
      box.querySelector('[role="status"]').textContent = box.dataset.failed;
      form.dataset.sent = 'false';
      var buttons = form.querySelectorAll('button');
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].disabled = false;
        buttons[i].removeAttribute('aria-disabled');
      }
    });
    box.hidden = false;
    showProgress(box, 0, 1);
    xhr.send(new FormData(form));
  }

  // After data-once's handler: a form it let through is sent by XHR, so that the upload can be followed.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.dataset.progress) return;
    var box = progressBox(form);
    if (!box || !window.FormData || !window.DOMParser) return;
    event.preventDefault();
    sendWithProgress(form, box);
  });

  // Delegated, so that it holds on a page shown in place after a refused upload too.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) return;
    var file = input.files && input.files[0];
    var max = Number(input.dataset.maxBytes);
    input.setCustomValidity(file && file.size > max ? input.dataset.tooLarge || '' : '');
  });

  function showCurrentMenuEntry() {
    var current = document.querySelector('.site-nav a[aria-current="page"]');
    var row = current && current.closest('ul');
    if (!row || row.scrollWidth <= row.clientWidth) return;
    var left = current.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
    row.scrollLeft = left - (row.clientWidth - current.offsetWidth) / 2;
  }

  document.addEventListener('DOMContentLoaded', function () {
    showCurrentMenuEntry();
    var rubrics = document.querySelectorAll('form[data-rubric]');
    for (var r = 0; r < rubrics.length; r++) liveRubric(rubrics[r]);
    var boxes = document.querySelectorAll('[data-deadline]');
    for (var i = 0; i < boxes.length; i++) startCountdown(boxes[i]);
    var files = document.querySelectorAll('input[type="file"][data-fills]');
    for (var j = 0; j < files.length; j++) fillFromFile(files[j]);
    var areas = document.querySelectorAll('textarea[data-preview]');
    for (var k = 0; k < areas.length; k++) livePreview(areas[k]);
  });
})();
