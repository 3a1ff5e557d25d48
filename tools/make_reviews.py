"""Write `data/reviews.jsonl`: the unlabeled English and Japanese reviews the sentiment task learns from by default.

The corpus is written for the project: hand-written reviews (`HANDWRITTEN_*` below) plus reviews composed from
hand-written parts (aspects, opinions, connectives) in patterns people use: plain praise or complaint, negation
("not bad at all", 「おいしくなかった」), contrast where the clause after "but"/「けど」 carries the verdict, mild wording
and recommendations. Films, restaurants, products, hotels and apps, and a few other things people review.
No label is written: the teacher labels the texts, as it would a user's own data. The composing labels are kept
only to report the corpus balance below. Deterministic: the same seed writes the same file.

    python tools/make_reviews.py            # writes data/reviews.jsonl and prints its balance
"""
import json, random, sys
from collections import Counter
from pathlib import Path
from snn_chat.storage import atomic_write

SEED = 20261201

# --- English parts -------------------------------------------------------------------------------------------------
EN_ASPECTS = {
    'film': ['the story', 'the acting', 'the soundtrack', 'the ending', 'the dialogue', 'the pacing', 'the cast',
             'the script', 'the camera work', 'the special effects', 'the humour', 'the lead performance'],
    'restaurant': ['the food', 'the service', 'the ramen', 'the steak', 'the staff', 'the dessert', 'the wine list',
                   'the portions', 'the atmosphere', 'the coffee', 'the bread', 'the curry'],
    'product': ['the battery', 'the screen', 'the build quality', 'the sound', 'the keyboard', 'the camera',
                'the design', 'the fabric', 'the charger', 'the blender', 'the price', 'the instructions'],
    'hotel': ['the room', 'the bed', 'the breakfast', 'the front desk', 'the location', 'the view', 'the shower',
              'the pool', 'the check-in', 'the cleaning', 'the wifi', 'the noise level'],
    'app': ['the app', 'the interface', 'the latest update', 'the search', 'the notifications', 'the sync',
            'the offline mode', 'the login', 'the dark mode', 'the subscription', 'the widgets', 'the support team'],
    'other': ['the concert', 'the museum', 'the tour', 'the novel', 'the flight', 'the course', 'the game',
              'the gym', 'the train ride', 'the delivery', 'the haircut', 'the podcast'],
}
EN_POS = ['wonderful', 'excellent', 'superb', 'delightful', 'fantastic', 'brilliant', 'outstanding', 'lovely',
          'impressive', 'charming', 'terrific', 'first-rate', 'gorgeous', 'spot on', 'a real treat', 'flawless',
          'a joy', 'top notch', 'great', 'amazing', 'fresh and generous', 'quick and friendly', 'clean and bright',
          'smooth and reliable', 'thoughtful', 'stunning', 'heartwarming', 'hilarious', 'gripping', 'comfortable']
EN_NEG = ['awful', 'terrible', 'dreadful', 'disappointing', 'boring', 'sloppy', 'a mess', 'painfully slow',
          'cheap and flimsy', 'rude', 'bland', 'overpriced', 'broken', 'useless', 'a waste of money', 'dull',
          'confusing', 'noisy', 'filthy', 'unbearable', 'mediocre', 'clumsy', 'lifeless', 'a letdown', 'buggy',
          'cold and greasy', 'tedious', 'frustrating', 'shoddy', 'forgettable']
EN_MILD_POS = ['pretty good', 'decent', 'quite nice', 'fine, and I was happy with it', 'better than I expected',
               'pleasant', 'solid', 'good enough for me', 'nice enough', 'a pleasant surprise']
EN_MILD_NEG = ['a bit disappointing', 'not great', 'rather dull', 'underwhelming', 'a little too expensive',
               'not quite what I hoped for', 'somewhat clumsy', 'weaker than I expected', 'just not very good',
               'a bit of a letdown']
EN_NOT_NEG = ['not bad at all', 'far from boring', 'never dull', 'not disappointing in the slightest',
              'not a problem at all', 'nothing to complain about']
EN_NOT_POS = ['not good', 'not worth it', 'nowhere near as good as promised', 'not impressive', 'not fun at all',
              'hardly enjoyable', 'not something I would pay for again']
EN_POS_END = ['I would happily come back.', 'Highly recommended.', 'I will definitely recommend it to friends.',
              'Worth every penny.', 'Five stars from me.', 'I loved it.', 'I would do it again tomorrow.',
              'A real pleasure.', 'I am very glad I chose it.', 'Absolutely worth it.']
EN_NEG_END = ['I will not be back.', 'Not recommended.', 'I want my money back.', 'Avoid it.',
              'One star, and that is generous.', 'I regret it.', 'Never again.', 'What a waste of time.',
              'I am sorry I chose it.', 'Save yourself the trouble.']
EN_OPEN = ['Honestly,', 'To be fair,', 'Overall,', 'In short,', 'I have to say', 'Frankly,', 'All in all,', '']

HANDWRITTEN_EN = [
    "I laughed from the opening scene to the credits.", "The kind of film that makes you call your parents afterwards.",
    "A slow start, then an ending that knocked me flat.", "Two hours of my life I will never get back.",
    "The villain was scarier than anything I have seen in years.", "Every joke was telegraphed a mile away.",
    "A small, honest movie with a huge heart.", "The twist made no sense and the actors looked bored.",
    "The chef clearly cares about every plate.", "The rice was undercooked and the miso soup tasted of dishwater.",
    "We were greeted like old friends.", "The menu promised a lot and delivered very little.",
    "Best breakfast I have had all year, and the coffee refills kept coming.", "Our table was sticky and the waiter ignored us.",
    "It charges in twenty minutes and lasts all day.", "The hinge cracked within a month.",
    "Light, quiet and surprisingly powerful.", "The colour in the photos is nothing like the real thing.",
    "After a year of daily use it still works like new.", "It overheats whenever I play a video.",
    "The staff upgraded our room without being asked.", "The carpet was stained and the towels smelled damp.",
    "You can hear the waves from the balcony, and the bed is a dream.", "Check-in took an hour and the key cards never worked.",
    "This app saves me twenty minutes every morning.", "Every update makes it slower and uglier.",
    "Clean, simple and it does exactly one thing well.", "It keeps asking me to log in again.",
    "The tutorial is clear and the lessons are short and fun.", "It drained my battery overnight.",
    "The guide knew every story behind every building.", "The bus broke down and nobody told us what was happening.",
    "The band played for three hours and the crowd loved every minute.", "The sound was so muddy I could not make out a single word.",
    "A page-turner from the first chapter.", "I gave up on the book halfway through.",
    "The crew were kind and the flight landed early.", "They lost my luggage and then lost my complaint.",
    "The teacher explains hard ideas in plain words.", "The course was padded with filler and outdated slides.",
    "Nothing fancy, but everything was just right.", "It tries hard, but it never comes together.",
    "I expected a disaster and got a gem.", "It looked promising, but it fell apart in the second act.",
    "Not the best I have had, but certainly not the worst either, and I left happy.", "There is nothing here I could recommend.",
    "Cheerful staff, quick service and a fair bill.", "I have never been so bored in a cinema.",
    "My kids asked to watch it again the moment it ended.", "It is the sort of product you forget you own until it breaks.",
    # the project's first hand-written reviews (formerly data/sentiment_reviews.jsonl)
    "An absolute delight from start to finish.", "The acting was superb and the story kept me hooked.",
    "I loved the soundtrack and the stunning visuals.", "A warm, funny and beautifully made film.",
    "One of the best meals I have had in years.", "The staff were friendly and the room was spotless.",
    "This book changed the way I think about science.", "A clever, heartfelt story with a perfect ending.",
    "The new update made the app fast and pleasant to use.",
    "Brilliant performances all round; I would watch it again.",
    "The concert was magical and the crowd was wonderful.", "Great value, fast delivery, works perfectly.",
    "A charming little cafe with excellent coffee.", "The lecture was clear, inspiring and well organised.",
    "Such a joyful and uplifting experience.", "The film was a boring mess with no real plot.",
    "Terrible service and the food arrived cold.", "I regret buying this; it broke after two days.",
    "The dialogue was wooden and the jokes fell flat.", "A slow, confusing and pointless two hours.",
    "The hotel room was dirty and the staff were rude.", "The app keeps crashing and support never answers.",
    "A dull, predictable story that goes nowhere.", "The worst concert I have ever been to.",
    "Overpriced, bland and disappointing.", "The ending ruined an otherwise decent movie.",
    "I could not wait for it to be over.", "The sequel is lazy and loud and empty.",
    "Cheap materials and poor design.", "The tour was rushed and the guide seemed bored.",
    "It was fine, nothing special but not bad either.", "The plot was thin but the actors were charming.",
    "A decent first half followed by a weak second half.",
]

# --- Japanese parts ------------------------------------------------------------------------------------------------
JA_ASPECTS = {
    'film': ['ストーリー', '演技', '音楽', '結末', 'セリフ', '映像', '主演の俳優', '脚本', 'テンポ', '笑いどころ'],
    'restaurant': ['料理', '接客', 'ラーメン', 'スープ', '店員さん', 'デザート', '量', '雰囲気', 'コーヒー', 'パスタ'],
    'product': ['バッテリー', '画面', '作り', '音質', 'キーボード', 'カメラ', 'デザイン', '生地', '充電器', '説明書'],
    'hotel': ['部屋', 'ベッド', '朝食', 'フロント', '立地', '眺め', 'シャワー', 'プール', '掃除', 'Wi-Fi'],
    'app': ['アプリ', '画面の操作', '最新のアップデート', '検索', '通知', '同期', 'ログイン', 'サポート', '動作', '課金の仕組み'],
    'other': ['コンサート', '美術館', 'ツアー', '小説', 'フライト', '講座', 'ゲーム', 'ジム', '配送', '授業'],
}
JA_POS = ['素晴らしかった', '最高だった', 'とても良かった', '期待以上だった', '本当においしかった', '文句なしだった',
          '感動的だった', 'とても丁寧だった', '快適だった', '見事だった', 'すごく楽しかった', '完璧だった',
          'きれいで気持ちよかった', '驚くほど良かった', '心に残った', '分かりやすかった', '速くて便利だった',
          '申し分なかった', '気に入った', '大満足だった']
JA_NEG = ['最悪だった', 'ひどかった', 'がっかりだった', '退屈だった', 'まずかった', '雑だった', '遅すぎた',
          '使いにくかった', '汚かった', 'うるさかった', '高すぎた', 'すぐに壊れた', '残念だった', 'つまらなかった',
          '不親切だった', '分かりにくかった', '冷めていた', '期待外れだった', '安っぽかった', '不快だった']
JA_MILD_POS = ['まあまあ良かった', 'なかなか良かった', '悪くなかった', '思ったより良かった', 'そこそこ満足できた',
               '十分だった', 'ほどよく楽しめた', '感じが良かった']
JA_MILD_NEG = ['いまひとつだった', 'ちょっと物足りなかった', '少し期待外れだった', 'あまり良くなかった',
               'やや高すぎた', '思ったほどではなかった', 'いまいちだった', '少しがっかりした']
JA_NOT_NEG = ['まったく問題なかった', '全然悪くなかった', '不満は特になかった', '退屈することはなかった']
JA_NOT_POS = ['おいしくなかった', '良くなかった', '楽しくなかった', 'まったく役に立たなかった', '値段に見合わなかった',
              '全然面白くなかった']
JA_POS_END = ['また来たい。', 'ぜひおすすめしたい。', '買ってよかった。', 'また利用したい。', '友達にも勧めたい。',
              '大満足です。', 'もう一度行きたい。', '星五つです。']
JA_NEG_END = ['二度と行かない。', 'おすすめできない。', '買わなければよかった。', 'もう使わない。', 'お金の無駄だった。',
              '本当に後悔している。', '星一つでも多いくらいだ。', '時間を返してほしい。']

HANDWRITTEN_JA = [
    "最初から最後まで笑いっぱなしだった。", "見終わったあと、しばらく席を立てなかった。", "途中で何度も時計を見てしまった。",
    "久しぶりに心が震える作品に出会えた。", "予告編がいちばん面白かった。", "子どもと一緒に楽しめる温かい映画だった。",
    "シェフのこだわりが一皿ごとに伝わってくる。", "注文を三回も間違えられた。", "ご飯が固く、味噌汁もぬるかった。",
    "店の人が笑顔で迎えてくれて、居心地がよかった。", "量が多くて安いので、学生にはありがたい店だ。", "隣の席のたばこの煙がひどかった。",
    "一年毎日使っているが、まだ新品のように動く。", "一か月でヒンジが割れてしまった。", "軽くて静かなのに、パワーは十分だ。",
    "写真と色がまったく違っていた。", "動画を見るとすぐに熱くなる。", "説明が丁寧で、初めてでも迷わなかった。",
    "頼んでいないのに部屋をアップグレードしてくれた。", "カーペットにしみがあり、タオルも湿っていた。", "波の音が聞こえる静かな部屋だった。",
    "チェックインに一時間もかかった。", "スタッフの皆さんが本当に親切だった。", "エレベーターが一台しか動いておらず、毎回待たされた。",
    "このアプリのおかげで毎朝の準備が早くなった。", "更新するたびに重くなっていく。", "シンプルで、やりたいことがすぐにできる。",
    "何度もログインし直さないといけない。", "レッスンが短くて楽しいので続けられる。", "一晩で電池がなくなった。",
    "ガイドさんの話が面白く、あっという間の一日だった。", "バスが故障したのに、何の説明もなかった。", "三時間の演奏があっという間だった。",
    "音が割れていて、歌詞がまったく聞き取れなかった。", "一気に読み終えてしまった。", "半分まで読んで諦めた。",
    "先生の説明が分かりやすく、難しい内容もすっと頭に入った。", "古い資料ばかりで、得るものがなかった。", "派手さはないが、すべてがちょうどよかった。",
    "頑張っているのは分かるが、まとまりがない。", "期待していなかったのに、思わぬ掘り出し物だった。", "前半は良かったのに、後半で台無しになった。",
    "荷物をなくされたうえに、謝罪もなかった。", "乗務員さんが親切で、到着も早かった。", "こんなに退屈な映画館の二時間は初めてだ。",
    "子どもたちがもう一回見たいと言っている。", "値段は高いが、それだけの価値はある。", "安かったけど、安いなりの品質だった。",
    "どの料理も丁寧に作られていて感心した。", "二度と頼まないと心に決めた。",
    # the project's first hand-written reviews (formerly data/sentiment_reviews.jsonl)
    "この映画は本当に素晴らしかった！", "物語が感動的で、最後は涙が止まらなかった。", "俳優の演技が見事で、何度でも観たい。", "料理はどれも美味しく、店員さんも親切だった。", "部屋は清潔で、景色も最高だった。",
    "この本は分かりやすく、とても勉強になった。", "音楽が美しく、心が温かくなる作品だった。", "配送が早く、商品も期待以上だった。", "講義は面白く、内容もよく整理されていた。",
    "久しぶりに心から笑える映画だった。", "スタッフの対応が丁寧で、また来たいと思った。", "新しいアプリは速くて使いやすい。", "この映画は退屈で、時間の無駄だった。", "料理は冷めていて、サービスも遅かった。",
    "二日で壊れてしまい、買ったことを後悔している。", "話の筋が分かりにくく、最後まで楽しめなかった。", "部屋が汚く、スタッフの態度も悪かった。", "アプリがすぐに落ちて、まったく使えない。",
    "値段が高いのに、味は普通以下だった。", "期待していたのに、とてもがっかりした。", "演技がぎこちなく、笑いどころもなかった。", "長くて退屈な二時間だった。", "結末がひどく、全体が台無しになった。",
    "可もなく不可もない、普通の作品だった。",
]


PLURAL = {'the portions', 'the instructions', 'the special effects', 'the notifications', 'the widgets'}


def en_review(rng, domain):
    a, b = rng.sample(EN_ASPECTS[domain], 2)
    was = lambda x: f"{x} {'were' if x in PLURAL else 'was'}"
    pattern = rng.choice(['plain', 'plain', 'negation', 'contrast', 'contrast', 'mild', 'end'])
    sign = rng.choice(['positive', 'negative'])
    opener = rng.choice(EN_OPEN)
    cap = lambda s: s[0].upper() + s[1:]
    lead = (opener + ' ' if opener else '')
    (pos, pos2), (neg, neg2) = rng.sample(EN_POS, 2), rng.sample(EN_NEG, 2)
    if pattern == 'plain':
        text = f"{lead}{was(a)} {pos if sign == 'positive' else neg}, and {was(b)} {pos2 if sign == 'positive' else neg2}."
    elif pattern == 'negation':
        text = f"{lead}{was(a)} {rng.choice(EN_NOT_NEG) if sign == 'positive' else rng.choice(EN_NOT_POS)}."
    elif pattern == 'contrast':
        first, second = (neg, pos) if sign == 'positive' else (pos, neg)
        form = rng.choice(['but', 'although', 'while'])
        if form == 'but': text = f"{lead}{was(a)} {first}, but {was(b)} {second}."
        elif form == 'although': text = f"Although {was(a)} {first}, {was(b)} {second}."
        else: text = f"{cap(was(a))} {first}; still, {was(b)} {second}, and that is what counts."
    elif pattern == 'mild':
        text = f"{lead}{was(a)} {rng.choice(EN_MILD_POS) if sign == 'positive' else rng.choice(EN_MILD_NEG)}."
    else:
        text = f"{cap(was(a))} {pos if sign == 'positive' else neg}. {rng.choice(EN_POS_END) if sign == 'positive' else rng.choice(EN_NEG_END)}"
    return cap(text.strip()), sign, pattern


def ja_review(rng, domain):
    a, b = rng.sample(JA_ASPECTS[domain], 2)
    pattern = rng.choice(['plain', 'plain', 'negation', 'contrast', 'contrast', 'mild', 'end'])
    sign = rng.choice(['positive', 'negative'])
    (pos, pos2), (neg, neg2) = rng.sample(JA_POS, 2), rng.sample(JA_NEG, 2)
    if pattern == 'plain':
        second = pos2 if sign == 'positive' else neg2
        text = f"{a}が{pos if sign == 'positive' else neg}。{b}も{second}。"
    elif pattern == 'negation':
        text = f"{a}は{rng.choice(JA_NOT_NEG) if sign == 'positive' else rng.choice(JA_NOT_POS)}。"
    elif pattern == 'contrast':
        first, second = (neg, pos) if sign == 'positive' else (pos, neg)
        text = f"{a}は{first}{rng.choice(['けど', 'が', 'けれど'])}、{b}は{second}。"
    elif pattern == 'mild':
        text = f"{a}は{rng.choice(JA_MILD_POS) if sign == 'positive' else rng.choice(JA_MILD_NEG)}。"
    else:
        text = f"{a}が{pos if sign == 'positive' else neg}。{rng.choice(JA_POS_END) if sign == 'positive' else rng.choice(JA_NEG_END)}"
    return text, sign, pattern


def corpus(n_composed=1500, seed=SEED) -> list[dict]:
    "Hand-written reviews plus `n_composed` composed ones (half English, half Japanese), shuffled, without duplicates."
    rng = random.Random(seed)
    rows = [{'text': t, 'lang': 'en', 'pattern': 'handwritten'} for t in HANDWRITTEN_EN]
    rows += [{'text': t, 'lang': 'ja', 'pattern': 'handwritten'} for t in HANDWRITTEN_JA]
    seen = {r['text'] for r in rows}
    domains = list(EN_ASPECTS)
    while len(rows) < len(HANDWRITTEN_EN) + len(HANDWRITTEN_JA) + n_composed:
        lang = 'en' if len(rows) % 2 else 'ja'
        text, sign, pattern = (en_review if lang == 'en' else ja_review)(rng, rng.choice(domains))
        if text in seen: continue
        seen.add(text)
        rows.append({'text': text, 'lang': lang, 'pattern': pattern, 'sign': sign})
    rng.shuffle(rows)
    return rows


if __name__ == '__main__':
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]/'data'/'reviews.jsonl')
    rows = corpus()
    atomic_write(out, ''.join(json.dumps({'text': r['text']}, ensure_ascii=False) + '\n' for r in rows))
    print(f"{len(rows)} reviews -> {out}")
    print(Counter((r['lang'], r.get('sign', 'handwritten')) for r in rows))
    print(Counter(r['pattern'] for r in rows))
