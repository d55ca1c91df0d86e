// How long the order-page code acts on a page, and what it leaves behind. It ends when AliProof was
// updated, reloaded or removed since the page opened (this copy's extension calls would fail), or when
// a newer copy starts on the same page; its cleanups run and its listeners go. WXT's content-script
// context does this for content scripts, but making one cost each order page a quarter of a
// millisecond (an abort controller, custom DOM events, a location watcher) before a card was read, and
// the order pages are opened more than any other.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface PageLifetime {
  /** AliProof is gone from this page, or a newer copy took over (checked when asked) */
  readonly ended: boolean;
  /** run `cleanup` when it ends */
  onEnd(cleanup: () => void): void;
  /** `target.addEventListener`, taken off when it ends */
  listen<E extends Event>(target: EventTarget, type: string, listener: (e: E) => void, options?: AddEventListenerOptions): void;
  /** `run` when the page moves to another address without loading (a single-page app's navigation) */
  onNavigate(run: () => void): void;
}

interface Running {
  end(): void;
}

/**
 * Start the lifetime of the copy of `name` that runs now; `alive` tells whether AliProof is still there
 * (in an extension: its runtime id). A copy started earlier on this page (same isolated world) ends.
 */
export function startPageLifetime(name: string, alive: () => boolean): PageLifetime {
  const key = `__aliproofLifetime:${name}`;
  const g = globalThis as Record<string, unknown>;
  (g[key] as Running | undefined)?.end();
  let ended = false;
  const cleanups: (() => void)[] = [];
  const end = () => {
    if (ended) return;
    ended = true;
    if (g[key] === self) delete g[key];
    for (const cleanup of cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // one failing cleanup must not keep the others from running
      }
    }
  };
  const self: Running & PageLifetime = {
    end,
    get ended() {
      if (!ended && !alive()) end();
      return ended;
    },
    onEnd(cleanup) {
      if (ended) cleanup();
      else cleanups.push(cleanup);
    },
    listen(target, type, listener, options) {
      target.addEventListener(type, listener as EventListener, options);
      self.onEnd(() => target.removeEventListener(type, listener as EventListener, options));
    },
    onNavigate(run) {
      let url = location.href;
      const check = () => {
        if (location.href === url || self.ended) return;
        url = location.href;
        run();
      };
      // the Navigation API tells of every same-document navigation; elsewhere, look once a second
      const navigation = (globalThis as { navigation?: EventTarget }).navigation;
      if (navigation && typeof navigation.addEventListener === 'function') {
        // the current entry changes with pushState, replaceState and back/forward, after location did
        self.listen(navigation, 'currententrychange', check);
      } else {
        const timer = setInterval(check, 1000);
        self.onEnd(() => clearInterval(timer));
      }
    },
  };
  g[key] = self;
  return self;
}

/** The same for a WXT content script (the message pages), from its context. */
export function lifetimeOf(ctx: ContentScriptContext): PageLifetime {
  return {
    get ended() {
      return ctx.isInvalid;
    },
    onEnd: (cleanup) => void ctx.onInvalidated(cleanup),
    listen: (target, type, listener, options) => ctx.addEventListener(target, type, listener as EventListener, options),
    onNavigate: (run) => ctx.addEventListener(window, 'wxt:locationchange', run),
  };
}
