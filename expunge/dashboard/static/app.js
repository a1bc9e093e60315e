// Small progressive enhancements; every page works without them.
"use strict";

document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.selectAll) return;
  const form = box.form || document;
  form.querySelectorAll(`input[name="${box.dataset.selectAll}"]`).forEach((other) => {
    other.checked = box.checked;
  });
});

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-confirm]");
  if (button && !window.confirm(button.textContent.trim() + "?")) event.preventDefault();
});

function refresh(element) {
  const every = Number(element.dataset.every || 2000);
  const tick = async () => {
    try {
      const response = await fetch(element.dataset.refresh, {credentials: "same-origin"});
      if (response.ok) element.innerHTML = await response.text();
    } catch (error) {
      // the next tick tries again
    }
    const running = element.querySelector('[data-state="queued"], [data-state="running"]');
    if (running) window.setTimeout(tick, every);
  };
  window.setTimeout(tick, every);
}

document.querySelectorAll("[data-refresh]").forEach(refresh);
