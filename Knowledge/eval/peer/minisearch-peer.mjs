// The BM25 peer of `kb eval`: reads {documents:[{id,topic,text:{title,questions,keywords,answer}}], questions:[text]}
// as JSON on stdin, indexes the documents with MiniSearch (BM25, fuzzy 0.2, prefix, diacritics folded) and writes one
// line per question: the best document's topic, or an empty line when nothing matches. No network, no state.
import MiniSearch from 'minisearch';

const fold = (term) => term
  .normalize('NFD')
  .replace(/\p{Mn}/gu, '')     // Latin diacritics, Arabic harakat and hamza marks
  .replace(/\u0640/g, '')      // tatweel
  .replace(/[\u0622\u0623\u0625]/g, '\u0627')
  .replace(/\u0629/g, '\u0647')
  .replace(/\u0649/g, '\u064A')
  .toLowerCase();

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { documents, questions } = JSON.parse(input);

const search = new MiniSearch({
  fields: ['title', 'questions', 'keywords', 'answer'],
  storeFields: ['topic'],
  processTerm: (term) => fold(term) || null,
  searchOptions: { boost: { title: 2, questions: 1.5, keywords: 1.5, answer: 0.5 }, fuzzy: 0.2, prefix: true },
});
search.addAll(documents.map((d) => ({ id: d.id, topic: d.topic, ...d.text })));

const out = questions.map((q) => {
  const [best] = search.search(q);
  return best ? best.topic : '';
});
process.stdout.write(out.join('\n') + '\n');
