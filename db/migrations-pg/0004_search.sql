-- Search on PostgreSQL (issue 20): the counterparts of SQLite's FTS5 trigram tables public_search (0002,
-- 0006), proposal_titles (0006) and proposal_bodies (0016), kept by triggers on the same events.
--
-- pg_trgm is not used: it keeps only the characters the database's LC_CTYPE calls alphanumeric, and this
-- project's databases are created with locale C (text sorts by code point, as on SQLite), where every
-- Chinese character is dropped, so a gin_trgm_ops index answers LIKE '%养老服务%' by rechecking every row.
-- Instead each search table keeps its text case-folded as SQLite's trigram tokenizer folds it
-- (search_fold) and a GIN index over search_grams(folded), the text's characters and pairs of adjacent
-- characters. A word of one or two characters is then one array element, found exactly by
-- `search_grams(folded) @> ARRAY[word]`; a longer word by all its pairs (search_bigrams) and a strpos recheck
-- (db/search/pg-text-match.ts builds these conditions).

-- SQLite's trigram tokenizer (case_sensitive 0, remove_diacritics 0) folds case through
-- sqlite3Fts5UnicodeFold, one code point for one, and nothing else (no width folding, no normalization).
-- ASCII is lowered by lower() under the C collation, whatever the database's locale; the 1,031 other
-- code points it folds, read off SQLite 3.53 by tokenizing every code point (tests/integration/
-- pg-search.test.ts checks every code point against SQLite), are listed below, each mapped to the
-- character at the same position (U+FFFE and U+FFFF become U+FFFD, as SQLite's UTF-8 reader makes them).
-- translate() compares each character of the text with each of its
-- list (22 ms for 3,000 characters with all 1,031), so it is given only the folded characters present.
CREATE FUNCTION search_fold(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  folded_from constant text :=
    'µÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐ'
    'ĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤ'
    'ŦŨŪŬŮŰŲŴŶŸŹŻŽſƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠƢƤƦƧƩ'
    'ƬƮƯƱƲƳƵƷƸƼǄǅǇǈǊǋǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǱǲǴǶǷǸǺ'
    'ǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȺȻȽȾɁɃɄɅɆɈɊɌ'
    'ɎͅͰͲͶΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫςϏ'
    'ϐϑϕϖϘϚϜϞϠϢϤϦϨϪϬϮϰϱϴϵϷϹϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍ'
    'ЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪ'
    'ѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁ'
    'ӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾԀԂԄԆԈԊԌԎԐԒ'
    'ԔԖԘԚԜԞԠԢԤԦԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎ'
    'ՏՐՑՒՓՔՕՖႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯႰႱႲႳႴႵႶႷႸႹႺႻႼႽႾႿ'
    'ჀჁჂჃჄჅჇჍḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾ'
    'ṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎ'
    'ẐẒẔẛẞẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤ'
    'ỦỨỪỬỮỰỲỴỶỸỺỼỾἈἉἊἋἌἍἎἏἘἙἚἛἜἝἨἩἪἫἬἭἮἯἸἹἺἻἼ'
    'ἽἾἿὈὉὊὋὌὍὙὛὝὟὨὩὪὫὬὭὮὯᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪ'
    'ᾫᾬᾭᾮᾯᾸᾹᾺΆᾼιῈΈῊΉῌῘῙῚΊῨῩῪΎῬῸΌῺΏῼΩKÅℲⅠⅡⅢⅣⅤⅥ'
    'ⅦⅧⅨⅩⅪⅫⅬⅭⅮⅯↃⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏⰀⰁⰂ'
    'ⰃⰄⰅⰆⰇⰈⰉⰊⰋⰌⰍⰎⰏⰐⰑⰒⰓⰔⰕⰖⰗⰘⰙⰚⰛⰜⰝⰞⰟⰠⰡⰢⰣⰤⰥⰦⰧⰨⰩⰪ'
    'ⰫⰬⰭⰮⱠⱢⱣⱤⱧⱩⱫⱭⱮⱯⱰⱲⱵⱾⱿⲀⲂⲄⲆⲈⲊⲌⲎⲐⲒⲔⲖⲘⲚⲜⲞⲠⲢⲤⲦⲨ'
    'ⲪⲬⲮⲰⲲⲴⲶⲸⲺⲼⲾⳀⳂⳄⳆⳈⳊⳌⳎⳐⳒⳔⳖⳘⳚⳜⳞⳠⳢⳫⳭⳲꙀꙂꙄꙆꙈꙊꙌꙎ'
    'ꙐꙒꙔꙖꙘꙚꙜꙞꙠꙢꙤꙦꙨꙪꙬꚀꚂꚄꚆꚈꚊꚌꚎꚐꚒꚔꚖꜢꜤꜦꜨꜪꜬꜮꜲꜴꜶꜸꜺꜼ'
    'ꜾꝀꝂꝄꝆꝈꝊꝌꝎꝐꝒꝔꝖꝘꝚꝜꝞꝠꝢꝤꝦꝨꝪꝬꝮꝹꝻꝽꝾꞀꞂꞄꞆꞋꞍꞐꞒꞠꞢꞤ'
    'ꞦꞨꞪＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ￾￿𐐀𐐁𐐂𐐃𐐄𐐅𐐆𐐇𐐈'
    '𐐉𐐊𐐋𐐌𐐍𐐎𐐏𐐐𐐑𐐒𐐓𐐔𐐕𐐖𐐗𐐘𐐙𐐚𐐛𐐜𐐝𐐞𐐟𐐠𐐡𐐢𐐣𐐤𐐥𐐦𐐧';
  folded_to constant text :=
    'μàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþāăąćĉċčďđ'
    'ēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţť'
    'ŧũūŭůűųŵŷÿźżžsɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵơƣƥʀƨʃ'
    'ƭʈưʊʋƴƶʒƹƽǆǆǉǉǌǌǎǐǒǔǖǘǚǜǟǡǣǥǧǩǫǭǯǳǳǵƕƿǹǻ'
    'ǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟƞȣȥȧȩȫȭȯȱȳⱥȼƚⱦɂƀʉʌɇɉɋɍ'
    'ɏιͱͳͷάέήίόύώαβγδεζηθικλμνξοπρστυφχψωϊϋσϗ'
    'βθφπϙϛϝϟϡϣϥϧϩϫϭϯκρθεϸϲϻͻͼͽѐёђѓєѕіїјљњћќѝ'
    'ўџабвгдежзийклмнопрстуфхцчшщъыьэюяѡѣѥѧѩѫ'
    'ѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂ'
    'ӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿԁԃԅԇԉԋԍԏԑԓ'
    'ԕԗԙԛԝԟԡԣԥԧաբգդեզէըթժիլխծկհձղճմյնշոչպջռսվ'
    'տրցւփքօֆⴀⴁⴂⴃⴄⴅⴆⴇⴈⴉⴊⴋⴌⴍⴎⴏⴐⴑⴒⴓⴔⴕⴖⴗⴘⴙⴚⴛⴜⴝⴞⴟ'
    'ⴠⴡⴢⴣⴤⴥⴧⴭḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿ'
    'ṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏ'
    'ẑẓẕṡßạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụ'
    'ủứừửữựỳỵỷỹỻỽỿἀἁἂἃἄἅἆἇἐἑἒἓἔἕἠἡἢἣἤἥἦἧἰἱἲἳἴ'
    'ἵἶἷὀὁὂὃὄὅὑὓὕὗὠὡὢὣὤὥὦὧᾀᾁᾂᾃᾄᾅᾆᾇᾐᾑᾒᾓᾔᾕᾖᾗᾠᾡᾢ'
    'ᾣᾤᾥᾦᾧᾰᾱὰάᾳιὲέὴήῃῐῑὶίῠῡὺύῥὸόὼώῳωkåⅎⅰⅱⅲⅳⅴⅵ'
    'ⅶⅷⅸⅹⅺⅻⅼⅽⅾⅿↄⓐⓑⓒⓓⓔⓕⓖⓗⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩⰰⰱⰲ'
    'ⰳⰴⰵⰶⰷⰸⰹⰺⰻⰼⰽⰾⰿⱀⱁⱂⱃⱄⱅⱆⱇⱈⱉⱊⱋⱌⱍⱎⱏⱐⱑⱒⱓⱔⱕⱖⱗⱘⱙⱚ'
    'ⱛⱜⱝⱞⱡɫᵽɽⱨⱪⱬɑɱɐɒⱳⱶȿɀⲁⲃⲅⲇⲉⲋⲍⲏⲑⲓⲕⲗⲙⲛⲝⲟⲡⲣⲥⲧⲩ'
    'ⲫⲭⲯⲱⲳⲵⲷⲹⲻⲽⲿⳁⳃⳅⳇⳉⳋⳍⳏⳑⳓⳕⳗⳙⳛⳝⳟⳡⳣⳬⳮⳳꙁꙃꙅꙇꙉꙋꙍꙏ'
    'ꙑꙓꙕꙗꙙꙛꙝꙟꙡꙣꙥꙧꙩꙫꙭꚁꚃꚅꚇꚉꚋꚍꚏꚑꚓꚕꚗꜣꜥꜧꜩꜫꜭꜯꜳꜵꜷꜹꜻꜽ'
    'ꜿꝁꝃꝅꝇꝉꝋꝍꝏꝑꝓꝕꝗꝙꝛꝝꝟꝡꝣꝥꝧꝩꝫꝭꝯꝺꝼᵹꝿꞁꞃꞅꞇꞌɥꞑꞓꞡꞣꞥ'
    'ꞧꞩɦａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ��𐐨𐐩𐐪𐐫𐐬𐐭𐐮𐐯𐐰'
    '𐐱𐐲𐐳𐐴𐐵𐐶𐐷𐐸𐐹𐐺𐐻𐐼𐐽𐐾𐐿𐑀𐑁𐑂𐑃𐑄𐑅𐑆𐑇𐑈𐑉𐑊𐑋𐑌𐑍𐑎𐑏';
  present text;
BEGIN
  t := lower(t COLLATE "C");
  SELECT string_agg(DISTINCT m[1], '') INTO present FROM regexp_matches(t, '[' || folded_from || ']', 'g') AS m;
  IF present IS NULL THEN
    RETURN t;
  END IF;
  RETURN translate(t, present, translate(present, folded_from, folded_to));
END
$$;
--> statement-breakpoint
-- The characters and pairs of adjacent characters of a folded text, what the GIN indexes hold (with
-- repeats, which the index drops). The pairs are cut by regexp_replace at even and at odd offsets: a split
-- of every pair by subscript or substr reads the text from its start each time (4 ms for 3,000 characters,
-- against 0.5 ms). U+FFFF marks the cuts: search_fold maps it to U+FFFD, as SQLite does, so no folded text
-- holds one.
-- plpgsql and COST: inlined as SQL, it would be costed as its cheap parts, and the planner would rather
-- compute it for every row (a sequential scan, 300 ms at 5,000 replies) than read the index (2 ms).
CREATE FUNCTION search_grams(folded text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
BEGIN
  RETURN string_to_array(folded, NULL)
    || string_to_array(regexp_replace(folded, '(..)', E'\\1\uFFFF', 'g'), E'\uFFFF')
    || string_to_array(regexp_replace(substr(folded, 2), '(..)', E'\\1\uFFFF', 'g'), E'\uFFFF');
END
$$;
--> statement-breakpoint
-- The pairs of adjacent characters of a folded word: a text holding the word holds them all. Its single
-- characters are left out, their postings being the longest.
CREATE FUNCTION search_bigrams(folded text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM unnest(search_grams(folded)) AS g
  WHERE char_length(g) = 2
$$;
--> statement-breakpoint
-- public_search: one row per published reply, its id the publication's; the title is the proposal's title,
-- the body the reply's body under 全文公开 and only the public summary under 摘要公开 (the public page's
-- excerpt reads it). Withheld and withdrawn publications have no row. SQLite's columns end with two line
-- feeds for its short-word lookup; not needed here. folded: title and body folded, a line feed between
-- (no search word holds one, so none matches across the two).
CREATE TABLE public_search (
  id integer PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  folded text NOT NULL
);
--> statement-breakpoint
CREATE INDEX public_search_grams_idx ON public_search USING gin (search_grams(folded));
--> statement-breakpoint
-- Every proposal's title and body, folded, for the staff list's search and similar proposals (并案).
CREATE TABLE proposal_titles (
  id integer PRIMARY KEY,
  folded text NOT NULL
);
--> statement-breakpoint
CREATE INDEX proposal_titles_grams_idx ON proposal_titles USING gin (search_grams(folded));
--> statement-breakpoint
CREATE TABLE proposal_bodies (
  id integer PRIMARY KEY,
  folded text NOT NULL
);
--> statement-breakpoint
CREATE INDEX proposal_bodies_grams_idx ON proposal_bodies USING gin (search_grams(folded));
--> statement-breakpoint
-- SQLite's publications_search_insert/_update/_delete: a row is written from NEW on insert (when
-- published) and on every update (deleted first, written again when still published), and removed on
-- delete. As there, a later change of the proposal's title or the draft's body does not reach it.
CREATE FUNCTION public_search_publications() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM public_search WHERE id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
    INSERT INTO public_search (id, title, body, folded)
    SELECT NEW.id, p.title, t.body, search_fold(p.title || E'\n' || t.body)
    FROM replies r
    JOIN reply_drafts d ON d.id = r.draft_id
    JOIN proposals p ON p.id = r.proposal_id
    CROSS JOIN LATERAL (SELECT CASE NEW.mode WHEN 'full' THEN d.body ELSE coalesce(NEW.summary, '') END) AS t(body)
    WHERE r.id = NEW.reply_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER public_search_publications AFTER INSERT OR UPDATE OR DELETE ON publications
FOR EACH ROW EXECUTE FUNCTION public_search_publications();
--> statement-breakpoint
-- SQLite's proposal_titles_insert/_update (OF title)/_delete and proposal_bodies_insert/_update (OF body)/_delete.
CREATE FUNCTION proposal_texts_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO proposal_titles (id, folded) VALUES (NEW.id, search_fold(NEW.title));
  INSERT INTO proposal_bodies (id, folded) VALUES (NEW.id, search_fold(NEW.body));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_texts_insert AFTER INSERT ON proposals
FOR EACH ROW EXECUTE FUNCTION proposal_texts_insert();
--> statement-breakpoint
CREATE FUNCTION proposal_titles_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM proposal_titles WHERE id = OLD.id;
  INSERT INTO proposal_titles (id, folded) VALUES (NEW.id, search_fold(NEW.title));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_titles_update AFTER UPDATE OF title ON proposals
FOR EACH ROW EXECUTE FUNCTION proposal_titles_update();
--> statement-breakpoint
CREATE FUNCTION proposal_bodies_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM proposal_bodies WHERE id = OLD.id;
  INSERT INTO proposal_bodies (id, folded) VALUES (NEW.id, search_fold(NEW.body));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_bodies_update AFTER UPDATE OF body ON proposals
FOR EACH ROW EXECUTE FUNCTION proposal_bodies_update();
--> statement-breakpoint
CREATE FUNCTION proposal_texts_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM proposal_titles WHERE id = OLD.id;
  DELETE FROM proposal_bodies WHERE id = OLD.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_texts_delete AFTER DELETE ON proposals
FOR EACH ROW EXECUTE FUNCTION proposal_texts_delete();
--> statement-breakpoint
-- TRUNCATE (which SQLite has not) skips row triggers: it empties the search tables with its table.
CREATE FUNCTION search_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'publications' THEN
    DELETE FROM public_search;
  ELSE
    DELETE FROM proposal_titles;
    DELETE FROM proposal_bodies;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER public_search_truncate AFTER TRUNCATE ON publications
FOR EACH STATEMENT EXECUTE FUNCTION search_truncate();
--> statement-breakpoint
CREATE TRIGGER proposal_texts_truncate AFTER TRUNCATE ON proposals
FOR EACH STATEMENT EXECUTE FUNCTION search_truncate();
--> statement-breakpoint
-- The search tables written again from the data, for this migration and for a copy that loads the data
-- with triggers disabled (session_replication_role = replica).
CREATE FUNCTION search_rebuild() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM public_search;
  INSERT INTO public_search (id, title, body, folded)
  SELECT pub.id, p.title, t.body, search_fold(p.title || E'\n' || t.body)
  FROM publications pub
  JOIN replies r ON r.id = pub.reply_id
  JOIN reply_drafts d ON d.id = r.draft_id
  JOIN proposals p ON p.id = r.proposal_id
  CROSS JOIN LATERAL (SELECT CASE pub.mode WHEN 'full' THEN d.body ELSE coalesce(pub.summary, '') END) AS t(body)
  WHERE pub.status = 'published';
  DELETE FROM proposal_titles;
  INSERT INTO proposal_titles (id, folded) SELECT id, search_fold(title) FROM proposals;
  DELETE FROM proposal_bodies;
  INSERT INTO proposal_bodies (id, folded) SELECT id, search_fold(body) FROM proposals;
$$;
--> statement-breakpoint
SELECT search_rebuild();
