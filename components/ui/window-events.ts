/** A `useSyncExternalStore` subscription to these window events (a store kept in the URL or storage). */
export function windowEvents(...names: readonly string[]): (onChange: () => void) => () => void {
  return (onChange) => {
    for (const name of names) window.addEventListener(name, onChange);
    return () => {
      for (const name of names) window.removeEventListener(name, onChange);
    };
  };
}
