// Monaco's editor worker (diffing, links, word ranges), served from our origin.
import "monaco-editor/editor/editor.worker";
