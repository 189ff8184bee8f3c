/*
 * The widgets inside the block editor's canvas, which is an iframe (the site editor of 6.1, the
 * post editor from 6.3 when every block is apiVersion 3, every editor from 7.0). WordPress copies
 * a block's `script` into the iframe, but no script modules, and the 6.1 iframe drops a
 * script's type="module". So this classic script imports the widgets' module itself; the
 * plugin version comes from its own ?ver=.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !me.src) return;
  var version = new URL(me.src).searchParams.get('ver');
  if (!version || !/^[\w.-]+$/.test(version)) return;
  import(new URL('../widgets/' + version + '/stadttraum.js', me.src).href).catch(function (error) {
    console.warn('stadttraum: Widgets im Editor nicht geladen', error);
  });
})();
