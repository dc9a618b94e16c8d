/* The public site's reader tools (打印, 复制链接, A+/A-, 朗读) on server-rendered buttons, and the 打印 of the letters' print view. Plain script: the public pages load no other JavaScript. */
(function () {
  "use strict";
  var SIZES = [0.875, 1, 1.125, 1.25, 1.5, 1.75];
  var step = 1;

  function setSize(button, next) {
    var target = document.getElementById(button.getAttribute("data-target"));
    if (!target || next < 0 || next >= SIZES.length) return;
    step = next;
    // em: relative to the page's own size, so that A+ enlarges 关怀版's large type further.
    target.style.fontSize = SIZES[step] + "em";
    document.querySelectorAll('[data-reader="larger"]').forEach(function (b) { b.disabled = step === SIZES.length - 1; });
    document.querySelectorAll('[data-reader="smaller"]').forEach(function (b) { b.disabled = step === 0; });
  }

  function readAloud(button) {
    if (!("speechSynthesis" in window)) return;
    var synth = window.speechSynthesis;
    var speaking = button.getAttribute("aria-pressed") === "true";
    var show = function (on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = button.getAttribute(on ? "data-stop" : "data-read");
    };
    if (speaking) {
      synth.cancel();
      show(false);
      return;
    }
    var target = document.getElementById(button.getAttribute("data-target"));
    var utterance = new SpeechSynthesisUtterance(target ? target.innerText : "");
    utterance.lang = button.getAttribute("data-lang") || "zh-CN";
    utterance.onend = function () { show(false); };
    synth.speak(utterance);
    show(true);
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-reader]") : null;
    if (!button) return;
    switch (button.getAttribute("data-reader")) {
      case "print":
        window.print();
        break;
      case "copy":
        navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
          var status = document.querySelector('[data-reader-status="copy"]');
          if (status) status.textContent = button.getAttribute("data-done");
        });
        break;
      case "larger":
        setSize(button, step + 1);
        break;
      case "smaller":
        setSize(button, step - 1);
        break;
      case "read":
        readAloud(button);
        break;
    }
  });
})();
