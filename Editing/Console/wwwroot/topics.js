'use strict';
// Topic-wide changes on the knowledge page: add a topic, change its category, sources, flags and related topics, retire
// it and bring it back (POST /api/knowledge/topics, PUT …/settings, POST …/retire, …/restore). Each is a draft version
// made live by Publish. Uses knowledge.js's helpers (el, t, $, say, showError, state), api.js's api(), topic-editor.js's
// openTopic, renderTopic and lines, versions.js's loadVersions, diffLines and fieldText; its strings are added here.

Object.assign(STRINGS.en, {
  addTopicTitle: 'Add a topic', addTopicId: 'Id (lower-case words joined by -)', addTopicSource: 'Source (https)', addTopic: 'Add the topic',
  topicAdded: 'Topic {topic} added as a draft: write its five languages, then publish it.',
  retire: 'Retire this topic', restore: 'Bring this topic back',
  confirmRetire: 'Retire {topic}? Once published, people are no longer answered with it; its history is kept.',
  retiredDraft: 'Retirement of {topic} saved as version {version}; publish to take it out of the answers, the menu and the export.',
  restoredDraft: '{topic} brought back as version {version}; publish to answer with it again.',
  retiredLive: 'Retired: people are not answered with this topic, it is not in the menu or the export.',
  retiredPending: 'Retired in the latest version, but still answered until you publish.',
  notLive: 'Not published: people are not answered with this topic until you publish it.',
  badgeRetired: 'retired', badgeRetiring: 'retired (not yet published)', badgeNew: 'not yet published',
  settings: 'Category, sources and flags', settingsSources: 'Sources (https, one per line; answers cite them as [1], [2] …)',
  flags: 'Flags', flagSensitive: 'sensitive: offer a counselor with the answer', flagEmergency: 'emergency: about danger to life or safety',
  settingsRelated: 'Related topics (ids, one per line)', saveSettings: 'Save the settings',
  settingsSaved: 'Settings saved as version {version} (draft).',
});
Object.assign(STRINGS.sl, {
  addTopicTitle: 'Dodaj temo', addTopicId: 'Oznaka (male črke, besede ločene z -)', addTopicSource: 'Vir (https)', addTopic: 'Dodaj temo',
  topicAdded: 'Tema {topic} je dodana kot osnutek: napišite vseh pet jezikov in jo objavite.',
  retire: 'Umakni to temo', restore: 'Vrni to temo',
  confirmRetire: 'Umaknem temo {topic}? Ko je objavljeno, bot z njo ne odgovarja več; zgodovina ostane.',
  retiredDraft: 'Umik teme {topic} je shranjen kot različica {version}; objavite, da izgine iz odgovorov, menija in izvoza.',
  restoredDraft: 'Tema {topic} je vrnjena kot različica {version}; objavite, da bot z njo spet odgovarja.',
  retiredLive: 'Umaknjena: bot s to temo ne odgovarja, ni je v meniju ne v izvozu.',
  retiredPending: 'V zadnji različici umaknjena, a bot z njo odgovarja, dokler je ne objavite.',
  notLive: 'Ni objavljena: bot s to temo ne odgovarja, dokler je ne objavite.',
  badgeRetired: 'umaknjena', badgeRetiring: 'umaknjena (še ni objavljeno)', badgeNew: 'še ni objavljena',
  settings: 'Kategorija, viri in oznake', settingsSources: 'Viri (https, eden na vrstico; odgovori jih navajajo kot [1], [2] …)',
  flags: 'Oznake', flagSensitive: 'občutljivo: z odgovorom ponudi svetovalca', flagEmergency: 'nujno: nevarnost za življenje ali varnost',
  settingsRelated: 'Povezane teme (oznake, ena na vrstico)', saveSettings: 'Shrani nastavitve',
  settingsSaved: 'Nastavitve so shranjene kot različica {version} (osnutek).',
});
Object.assign(STRINGS.sq, {
  addTopicTitle: 'Shto një temë', addTopicId: 'Id (fjalë me shkronja të vogla, të lidhura me -)', addTopicSource: 'Burimi (https)', addTopic: 'Shto temën',
  topicAdded: 'Tema {topic} u shtua si draft: shkruani pesë gjuhët e saj, pastaj publikojeni.',
  retire: 'Tërhiqe këtë temë', restore: 'Riktheje këtë temë',
  confirmRetire: 'Të tërhiqet {topic}? Pasi të publikohet, boti nuk përgjigjet më me të; historia e saj ruhet.',
  retiredDraft: 'Tërheqja e {topic} u ruajt si versioni {version}; publikojeni që ta hiqni nga përgjigjet, menyja dhe eksporti.',
  restoredDraft: '{topic} u rikthye si versioni {version}; publikojeni që boti të përgjigjet përsëri me të.',
  retiredLive: 'E tërhequr: boti nuk përgjigjet me këtë temë, ajo nuk është as në meny, as në eksport.',
  retiredPending: 'E tërhequr në versionin e fundit, por boti përgjigjet ende me të derisa ta publikoni.',
  notLive: 'E papublikuar: boti nuk përgjigjet me këtë temë derisa ta publikoni.',
  badgeRetired: 'e tërhequr', badgeRetiring: 'e tërhequr (ende e papublikuar)', badgeNew: 'ende e papublikuar',
  settings: 'Kategoria, burimet dhe shenjat', settingsSources: 'Burimet (https, një për rresht; përgjigjet i citojnë si [1], [2] …)',
  flags: 'Shenjat', flagSensitive: 'e ndjeshme: me përgjigjen ofro një këshilltar', flagEmergency: 'urgjente: rrezik për jetën ose sigurinë',
  settingsRelated: 'Tema të lidhura (id, një për rresht)', saveSettings: 'Ruaj cilësimet',
  settingsSaved: 'Cilësimet u ruajtën si versioni {version} (draft).',
});
Object.assign(STRINGS.hbs, {
  addTopicTitle: 'Dodaj temu', addTopicId: 'Oznaka (mala slova, riječi spojene s -)', addTopicSource: 'Izvor (https)', addTopic: 'Dodaj temu',
  topicAdded: 'Tema {topic} je dodana kao nacrt: napišite svih pet jezika, pa je objavite.',
  retire: 'Povuci ovu temu', restore: 'Vrati ovu temu',
  confirmRetire: 'Povući temu {topic}? Kad se objavi, bot njome više ne odgovara; historija ostaje.',
  retiredDraft: 'Povlačenje teme {topic} sačuvano je kao verzija {version}; objavite da nestane iz odgovora, menija i izvoza.',
  restoredDraft: 'Tema {topic} je vraćena kao verzija {version}; objavite da bot njome opet odgovara.',
  retiredLive: 'Povučena: bot ovom temom ne odgovara, nije ni u meniju ni u izvozu.',
  retiredPending: 'Povučena u zadnjoj verziji, ali bot njome odgovara dok je ne objavite.',
  notLive: 'Nije objavljena: bot ovom temom ne odgovara dok je ne objavite.',
  badgeRetired: 'povučena', badgeRetiring: 'povučena (još nije objavljeno)', badgeNew: 'još nije objavljena',
  settings: 'Kategorija, izvori i oznake', settingsSources: 'Izvori (https, jedan po redu; odgovori ih navode kao [1], [2] …)',
  flags: 'Oznake', flagSensitive: 'osjetljivo: uz odgovor ponudi savjetnika', flagEmergency: 'hitno: opasnost po život ili sigurnost',
  settingsRelated: 'Povezane teme (oznake, jedna po redu)', saveSettings: 'Sačuvaj postavke',
  settingsSaved: 'Postavke su sačuvane kao verzija {version} (nacrt).',
});
Object.assign(STRINGS.ar, {
  addTopicTitle: 'إضافة موضوع', addTopicId: 'المعرّف (كلمات بأحرف لاتينية صغيرة بينها -)', addTopicSource: 'المصدر (https)', addTopic: 'إضافة الموضوع',
  topicAdded: 'أُضيف الموضوع {topic} كمسودة: اكتب لغاته الخمس ثم انشره.',
  retire: 'سحب هذا الموضوع', restore: 'إعادة هذا الموضوع',
  confirmRetire: 'سحب {topic}؟ بعد النشر لن يجيب البوت به؛ ويبقى سجله محفوظًا.',
  retiredDraft: 'حُفظ سحب {topic} بوصفه الإصدار {version}؛ انشر لإزالته من الإجابات والقائمة والتصدير.',
  restoredDraft: 'أُعيد {topic} بوصفه الإصدار {version}؛ انشر ليجيب البوت به من جديد.',
  retiredLive: 'مسحوب: لا يجيب البوت بهذا الموضوع، وليس في القائمة ولا في التصدير.',
  retiredPending: 'مسحوب في آخر إصدار، لكن البوت يجيب به حتى تنشر.',
  notLive: 'غير منشور: لا يجيب البوت بهذا الموضوع حتى تنشره.',
  badgeRetired: 'مسحوب', badgeRetiring: 'مسحوب (لم يُنشر بعد)', badgeNew: 'لم يُنشر بعد',
  settings: 'الفئة والمصادر والعلامات', settingsSources: 'المصادر (https، مصدر في كل سطر؛ تستشهد بها الإجابات هكذا [1]، [2] …)',
  flags: 'العلامات', flagSensitive: 'حساس: اعرض مستشارًا مع الإجابة', flagEmergency: 'طارئ: خطر على الحياة أو السلامة',
  settingsRelated: 'مواضيع ذات صلة (المعرّفات، واحد في كل سطر)', saveSettings: 'حفظ الإعدادات',
  settingsSaved: 'حُفظت الإعدادات بوصفها الإصدار {version} (مسودة).',
});

// knowledge.js translated the page before these strings existed.
translatePage();

// The categories of kb check (TopicCategory.All), in menu order.
const CATEGORIES = ['documents', 'health', 'work', 'education', 'family', 'money', 'housing', 'transport', 'safety', 'office'];
const FLAGS = ['sensitive', 'emergency'];
// Flags the form does not show (prerequisite: set in the topic's file), kept as they are when the settings are saved.
let unshownFlags = [];

for (const select of [$('new-topic-category'), $('settings-category')]) {
  for (const category of CATEGORIES) select.append(new Option(category, category));
}

// The id cell of the browse list, with a mark when the topic is retired or not answered yet.
function topicIdCell(topic) {
  const td = el('td', topic.id);
  const badge = topic.retired ? (topic.live ? 'badgeRetiring' : 'badgeRetired') : (topic.live ? null : 'badgeNew');
  if (badge) {
    td.append(' ', el('span', t(badge), `badge ${topic.retired ? 'retired' : 'draft'}`));
    td.dataset.lifecycle = topic.retired ? (topic.live ? 'retiring' : 'retired') : 'new';
  }
  return td;
}

function renderLifecycle(topic) {
  $('settings-category').value = topic.category;
  $('settings-sources').value = topic.sources.join('\n');
  $('settings-related').value = (topic.related || []).join('\n');
  for (const flag of FLAGS) $(`flag-${flag}`).checked = (topic.flags || []).includes(flag);
  unshownFlags = (topic.flags || []).filter((flag) => !FLAGS.includes(flag));
  $('retire').hidden = topic.retired;
  $('restore').hidden = !topic.retired;
  const note = topic.retired ? (topic.live ? 'retiredPending' : 'retiredLive') : (topic.live ? null : 'notLive');
  $('retired-note').hidden = !note;
  $('retired-note').textContent = note ? t(note) : '';
}

// The topic-wide fields in a version's diff (versions.js shows the languages): category, sources, flags, related, retired.
function settingsDiff(before, after, box) {
  const text = (content, name) => (name === 'retired' ? (content.retired ? t('badgeRetired') : '') : fieldText(content, name));
  let changed = false;
  for (const [name, label] of [['category', 'category'], ['sources', 'sources'], ['flags', 'flags'], ['related', 'settingsRelated'], ['retired', 'badgeRetired']]) {
    const old = text(before, name);
    const now = text(after, name);
    if (old === now) continue;
    changed = true;
    const block = el('div');
    block.append(el('h5', t(label)));
    for (const [kind, line] of diffLines(old, now)) {
      block.append(el(kind === 'same' ? 'span' : kind, `${kind === 'ins' ? '+ ' : kind === 'del' ? '− ' : '  '}${line}`, kind === 'same' ? 'same' : ''));
    }
    box.append(block);
  }
  return changed;
}

function problemList(id, error) {
  const list = $(id);
  list.replaceChildren();
  if (error && error.status === 400 && error.problems.length > 0) {
    for (const p of error.problems) list.append(el('li', p));
    return true;
  }
  return false;
}

async function topicChange(method, path, body, message) {
  showError(null);
  problemList('lifecycle-problems', null);
  problemList('settings-problems', null);
  const saved = await api(method, `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}${path}`, body);
  state.topic = saved;
  await loadVersions();
  renderTopic();
  say(t(message, { topic: saved.id, version: saved.version }));
}

$('retire').addEventListener('click', async () => {
  if (!window.confirm(t('confirmRetire', { topic: state.topic.id }))) return;
  try {
    await topicChange('POST', '/retire', undefined, 'retiredDraft');
  } catch (error) {
    if (!problemList('lifecycle-problems', error)) showError(error);
  }
});

$('restore').addEventListener('click', async () => {
  try {
    await topicChange('POST', '/restore', undefined, 'restoredDraft');
  } catch (error) {
    if (!problemList('lifecycle-problems', error)) showError(error);
  }
});

$('settings-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    category: $('settings-category').value,
    sources: lines($('settings-sources').value),
    flags: [...unshownFlags, ...FLAGS.filter((flag) => $(`flag-${flag}`).checked)],
    related: lines($('settings-related').value),
  };
  try {
    await topicChange('PUT', '/settings', body, 'settingsSaved');
  } catch (error) {
    if (!problemList('settings-problems', error)) showError(error);
  }
});

$('new-topic-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(null);
  problemList('new-topic-problems', null);
  const id = $('new-topic-id').value.trim();
  const source = $('new-topic-source').value.trim();
  try {
    await api('POST', '/api/knowledge/topics', { id, category: $('new-topic-category').value, sources: source ? [source] : [] });
    $('new-topic-form').reset();
    await openTopic(id, true);
    say(t('topicAdded', { topic: id }));
  } catch (error) {
    if (!problemList('new-topic-problems', error)) showError(error);
  }
});
