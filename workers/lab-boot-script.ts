/**
 * Inline in the HTML of pages with the SQL lab: starts the lab worker and its boot while the page's
 * own scripts are still loading. Answers that arrive before `lab-client` takes the worker over are
 * kept for it. The one place the boot mode is read from the URL: `?boot=ddl` runs the schema DDL
 * instead of loading the snapshot (the benchmark compares the two).
 */
import { LAB_WORKER_URL, type BootMode } from "./lab-protocol";

export interface EarlyLab {
  readonly worker: Worker;
  readonly mode: BootMode;
  readonly early: unknown[];
}

export const EARLY_LAB_GLOBAL = "__earlyLab";

export const LAB_BOOT_SCRIPT = `try{var m=new URLSearchParams(location.search).get("boot")==="ddl"?"ddl":"snapshot";var w=new Worker(${JSON.stringify(LAB_WORKER_URL)},{type:"module"});var e=[];w.onmessage=function(x){e.push(x.data)};w.postMessage({type:"boot",mode:m});window.${EARLY_LAB_GLOBAL}={worker:w,mode:m,early:e}}catch(x){}`;
