// 大字 mode for older readers: the root font size grows by a quarter on pages with the public header (every size is
// in rem). It is plain script, not a React component: the choice must apply before the first paint, before React
// hydrates, and the toggle works on a page whose JavaScript has not loaded yet.

const STORAGE_KEY = 'dj-text-size';

/** Runs in <head>: applies the stored choice, then handles every 大字 button of the page by delegation. */
const SCRIPT = `(function(){var d=document.documentElement,k='${STORAGE_KEY}';try{if(localStorage.getItem(k)==='large')d.classList.add('text-large')}catch(e){}
document.addEventListener('click',function(e){var t=e.target,b=t&&t.closest?t.closest('[data-text-size-toggle]'):null;if(!b)return;var on=d.classList.toggle('text-large');
try{localStorage.setItem(k,on?'large':'normal')}catch(e){}var s=document.getElementById('text-size-status');if(s)s.textContent=on?'已切换为大字':'已恢复标准字号'})})();`;

export const TEXT_SIZE_SCRIPT_ID = 'text-size-script';

export function TextSizeScript() {
  return <script id={TEXT_SIZE_SCRIPT_ID} dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}

/** The toggle: its label says what it does next (CSS shows one of the two by the root class), so no state to hydrate. */
export function TextSizeToggle({ className }: { className: string }) {
  return (
    <>
      <button type="button" data-text-size-toggle className={className}>
        <span className="text-size-off">大字</span>
        <span className="text-size-on">标准字</span>
      </button>
      <span id="text-size-status" role="status" className="sr-only" />
    </>
  );
}
