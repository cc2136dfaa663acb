// The modeler page's simulation form sends the draft the modeler holds: as the form is submitted, the modeler's
// XML goes into its hidden field (the rest of the form is plain HTML the server reads). Without the modeler the
// form is not sent: the simulate page would otherwise run the published version instead of the draft.
for (const form of document.querySelectorAll('form[data-simulate-draft-form]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = form.querySelector('[data-simulate-status]');
    const modeler = document.querySelector('[data-bpmn-modeler]')?.bpmnModeler;
    if (!modeler) {
      if (status) status.textContent = form.dataset.textNotReady ?? 'The modeler has not loaded the draft yet.';
      return;
    }
    const { xml } = await modeler.saveXML({ format: true });
    form.querySelector('[data-draft]').value = xml;
    form.submit();
  });
}
