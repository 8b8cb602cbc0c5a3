/** The proto context design text reaches: comments (field names are valid proto as they are). */
import { commentText } from "./comment";

export const protoComment = (text: string): string => `// ${commentText(text)}`;
