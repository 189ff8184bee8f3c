/*
 * Logo groups in the admin: "Add logos from the media library" opens WordPress's media frame; each
 * chosen image becomes a row (name, link, move up/down, remove). The order of the rows is the
 * order on the page. Focus stays on the button that was used (keyboard users keep their place).
 */
(function ($, wp) {
  'use strict';
  var __ = wp.i18n.__;
  var list = document.getElementById('st-logos');
  var template = document.getElementById('st-logo-row');
  var add = document.getElementById('st-add-logos');
  if (!list || !template || !add) return;
  var frame;

  function addRow(attachment) {
    var row = template.content.firstElementChild.cloneNode(true);
    row.querySelector('input[name="_st_logo_id[]"]').value = String(attachment.id);
    row.querySelector('input[name="_st_logo_name[]"]').value = attachment.title || '';
    var img = document.createElement('img');
    img.src = (attachment.sizes && attachment.sizes.thumbnail ? attachment.sizes.thumbnail : attachment).url;
    img.alt = '';
    img.style.maxHeight = '48px';
    img.style.width = 'auto';
    row.querySelector('.st-logo-image').appendChild(img);
    list.appendChild(row);
    return row;
  }

  add.addEventListener('click', function () {
    if (!frame) {
      frame = wp.media({
        title: __('Choose logos', 'stadttraum'),
        button: { text: __('Add to the group', 'stadttraum') },
        library: { type: 'image' },
        multiple: 'add', // every click adds to the choice (no Ctrl needed)
      });
      frame.on('select', function () {
        var first;
        frame
          .state()
          .get('selection')
          .each(function (a) {
            var row = addRow(a.toJSON());
            first = first || row;
          });
        if (first) first.querySelector('input[name="_st_logo_name[]"]').focus();
      });
    }
    frame.open();
    // The library first (logos usually are there already); "Upload files" stays one tab away.
    frame.content.mode('browse');
  });

  list.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) return;
    var row = button.closest('li');
    if (button.classList.contains('st-up') && row.previousElementSibling) {
      list.insertBefore(row, row.previousElementSibling);
      button.focus();
    } else if (button.classList.contains('st-down') && row.nextElementSibling) {
      list.insertBefore(row.nextElementSibling, row);
      button.focus();
    } else if (button.classList.contains('st-remove')) {
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      (next ? next.querySelector('input[type="text"]') : add).focus();
    }
  });
})(window.jQuery, window.wp);
