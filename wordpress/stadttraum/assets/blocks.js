/*
 * stadttraum blocks: one block per widget, generated from the plugin's attribute table
 * (window.stadttraumBlocks, written by PHP). Plain JavaScript on the editor's globals, no build
 * step. The preview is the real widget: the editor loads the widgets' module, and each change
 * of a setting renders a fresh element. Saved content is empty; PHP renders the block.
 */
(function (wp, config) {
  'use strict';
  if (!wp || !wp.blocks || !config) return;
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var be = wp.blockEditor || wp.editor;
  var InspectorControls = be.InspectorControls;
  var useBlockProps = be.useBlockProps;
  var c = wp.components;
  // Translated from languages/stadttraum-<locale>-<md5 of "assets/blocks.js">.json.
  var __ = wp.i18n.__;

  function control(name, def, value, set) {
    var common = { label: def.label, help: def.help || undefined, key: name };
    switch (def.kind) {
      case 'bool':
        return el(
          c.ToggleControl,
          Object.assign(common, {
            checked: !!value,
            onChange: function (v) {
              set(name, !!v);
            },
          }),
        );
      case 'select':
        return el(
          c.SelectControl,
          Object.assign(common, {
            value: value || '',
            options: Object.keys(def.options).map(function (k) {
              return { value: k, label: def.options[k] };
            }),
            onChange: function (v) {
              set(name, v);
            },
          }),
        );
      case 'int':
        // The widget's own default (from its JSDoc) as the placeholder: empty keeps it.
        return el(
          c.TextControl,
          Object.assign(common, {
            type: 'number',
            min: def.min,
            max: def.max,
            placeholder: def.default !== undefined ? String(def.default) : undefined,
            value: value || '',
            onChange: function (v) {
              set(name, v);
            },
          }),
        );
      case 'json':
        return el(
          c.TextareaControl,
          Object.assign(common, {
            value: value || '',
            onChange: function (v) {
              set(name, v);
            },
          }),
        );
      default:
        return el(
          c.TextControl,
          Object.assign(common, {
            type: def.kind === 'url' ? 'url' : 'text',
            value: value || '',
            onChange: function (v) {
              set(name, v);
            },
          }),
        );
    }
  }

  function isJson(text) {
    if (!text) return true;
    try {
      JSON.parse(text);
      return true;
    } catch (e) {
      return false;
    }
  }

  /** The widget element with the same attributes PHP would write (minus write endpoints). */
  function preview(tag, widget, attributes) {
    var props = Object.assign({}, widget.preview);
    Object.keys(widget.attrs).forEach(function (name) {
      var def = widget.attrs[name];
      var v = attributes[name];
      if (def.virtual || name.indexOf('endpoint') !== -1) return;
      if (def.kind === 'bool') {
        if (v) props[name] = '';
        else delete props[name];
        return;
      }
      if (v !== undefined && v !== '') props[name] = String(v);
    });
    props.eager = '';
    var children = [];
    if (attributes.data && isJson(attributes.data)) {
      if (!attributes.src || tag !== 'idea-wall') delete props.src;
      children.push(el('script', { type: 'application/json', key: 'data' }, attributes.data));
    }
    // A new key for every change: the widget reads its attributes and data fresh.
    props.key = JSON.stringify(attributes);
    return el(tag, props, children);
  }

  Object.keys(config.widgets).forEach(function (tag) {
    var widget = config.widgets[tag];
    // Name, title, attributes and supports come from blocks/<tag>/block.json (registered in PHP,
    // handed to the editor by WordPress); here only how the block is edited.
    wp.blocks.registerBlockType('stadttraum/' + tag, {
      edit: function (props) {
        var a = props.attributes;
        var set = function (name, v) {
          var o = {};
          o[name] = v;
          props.setAttributes(o);
        };
        var main = [];
        var advanced = [];
        Object.keys(widget.attrs).forEach(function (name) {
          (widget.attrs[name].advanced ? advanced : main).push(control(name, widget.attrs[name], a[name], set));
        });
        var dataOk = isJson(a.data);
        main.push(
          el(c.TextareaControl, {
            key: 'data',
            label: __('Enter the data directly (JSON)', 'stadttraum'),
            help: dataOk
              ? __('Instead of an address: paste the content of a JSON file here.', 'stadttraum')
              : __('Not valid JSON – not used.', 'stadttraum'),
            value: a.data || '',
            rows: 6,
            onChange: function (v) {
              set('data', v);
            },
          }),
        );
        var blockProps = useBlockProps ? useBlockProps({ className: 'stadttraum-widget' }) : { className: 'stadttraum-widget' };
        return el(
          Fragment,
          {},
          el(
            InspectorControls,
            {},
            el(c.PanelBody, { title: __('Settings', 'stadttraum'), initialOpen: true }, main),
            el(c.PanelBody, { title: __('More settings', 'stadttraum'), initialOpen: false }, advanced),
          ),
          el(
            'div',
            blockProps,
            config.available
              ? el(c.Disabled, {}, preview(tag, widget, a))
              : el(
                  c.Notice,
                  { status: 'warning', isDismissible: false },
                  __('The widgets are missing from this plugin. Please install the plugin from its release ZIP file.', 'stadttraum'),
                ),
          ),
        );
      },
      save: function () {
        return null;
      },
    });
  });
})(window.wp, window.stadttraumBlocks);
