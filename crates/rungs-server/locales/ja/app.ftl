# ピープルアプリの日本語の文言：メニュー、見出し、フォーム、ヒント。
# 英語のカタログにあるメッセージはすべてここにも必要です（サーバーの
# テストが確認します）。日本語には複数形がないため、数のあるメッセージも
# 形は一つです。

## すべてのページ

nav-label = ピープルアプリ
nav-home = 自分のレベル
nav-growth = 自分の成長
nav-team = チーム
nav-people = メンバー
nav-my-team = 自分のチーム
nav-rollout = 移行
nav-promotions = 昇格
nav-manage = 管理
nav-insights = 準備状況
nav-impact = ラダーへの影響
nav-cycles = サイクル
nav-roster = 名簿
nav-invitations = 招待
nav-audit = 監査ログ
nav-framework = フレームワーク
nav-account = アカウント
sign-out = サインアウト
menu = メニュー
back = 戻る
cancel = キャンセル
save = 保存
optional-note = メモ（任意）
acknowledge = 確認する

## サインイン

login-title = サインイン
login-with = { $provider } でサインイン
login-or-password = またはパスワードで：
login-email = メールアドレス
login-password = パスワード
login-button = サインイン
login-forgot = パスワードを忘れた場合は、管理者にリセット用のリンクを依頼してください。
login-failed = このメールアドレスとパスワードに一致する有効なアカウントはありません。

## アカウントページ

account-title = アカウント
account-saved = 保存しました。
account-signed-in-as = { $email } としてサインインしています。
account-tokens = API トークン
account-language-heading = 言語
account-language-label = アプリの言語
account-language-default = 組織の言語（{ $language }）
account-language-hint = 翻訳がある場合、メニュー、見出し、ラダーの項目がこの言語で表示されます。評価はどの言語でも同じです。
account-notify-heading = 対応待ちの項目についてのメール
account-notify-no-email = このサーバーはまだメールを送信しません。対応待ちの項目はホームページに表示されます。
account-notify-legend = 対応待ちの項目があるとき（評価、確認が必要なレベル、期限）
account-notify-event = そのつどメールを送る
account-notify-digest = 1 日 1 通、すべてをまとめて送る
account-notify-off = メールを送らない
account-notify-hint = メールには対応待ちの項目とそのリンクだけが含まれ、メモや評価は含まれません。

## ホームページ

home-reports-to = 上長：{ $manager }
home-waiting = 対応待ち
home-due = 期限 { $date }
home-your-level = あなたのレベル
home-next = 次：
home-what-changes = 次のレベルで変わること
home-no-level = まだレベルがありません。
home-confirmed = 新しいラダーでのあなたのレベルが確定しました：{ $level }
home-confirmed-then = 上長と話し合ったら、ここで確認してください。
home-acknowledged = あなたはレベルを確認しました
home-not-mapped = 上長があなたのレベルの対応付けをまだ終えていません。
home-history = 履歴
home-history-label = レベルの履歴
home-level = レベル
home-from = 開始
home-until = 終了
home-reason = 理由
home-now = 現在
home-needs-review = 要確認
home-export = 自分のデータをダウンロード（JSON）

## 対応待ち（ホームページとメール）

todo-shared = あなたの評価が共有されました：読んで確認してください
todo-self = あなたの自己評価
todo-review = { $name } さんへのあなたの評価
todo-acknowledge-level = 新しいラダーでのあなたのレベル：確認してください
todo-confirm = 提案されたレベル { $count } 件を確認

## 閲覧者の言語で表示するラダーの項目

translation-original = 原文：
translation-stale = 翻訳が古い可能性があります

## 共通の言葉

list-separator = 、
sentence-end = 。
not-rated = 未評価
submitted = 提出済み
not-submitted = 未提出
the-manager = 上長
col-statement = 項目
col-self = 本人
col-manager = 上長
state-draft = 下書き
state-submitted = 提出済み
state-shared = 共有済み
state-acknowledged = 確認済み
verdict-met = 達成
verdict-waived = 免除
verdict-not-yet = 未達成

## 評価

assess-level-gone = このレベルはもうラダーにありません
assess-by = 評価者：{ $name }
assess-made-against = リビジョン { $revision } で作成
assess-growth-page = 成長ページ
assess-printable = 印刷用
assess-download-mine = 自分の評価をシートとしてダウンロード
assess-open-it = 開く
assess-newer = この評価の新しい版があります：{ $link }。この版は元のまま残ります。
assess-the-locked = ロックされた評価
assess-revises = { $link } の改訂：{ $reason }
carried-heading = この評価の作成後にラダーが変わりました
carried-intro = 評価は項目に合わせて現在のリビジョン（{ $revision }）に引き継がれました：
carried-reworded = 言い換えられた項目で { $count } 件を保持
carried-moved = 移動した項目に { $count } 件が追従
carried-review = 分割または統合された項目で { $count } 件を要確認
carried-archived = 削除された項目で { $count } 件（下に元の文言とともに表示）
carried-new-separator = 。
carried-new = このレベルの項目のうち { $count } 件（新しい項目を含む）はまだ評価されていません
readiness = 準備状況
assess-rule = ルール：{ $rule }
readiness-by-area = 領域ごとの準備状況
readiness-area = 領域
readiness-met = 達成
readiness-verdict = 判定
readiness-why = 理由
readiness-met-of = 必要な { $needed } 件中 { $met } 件
readiness-later = 準備状況は評価が共有されると表示されます。
assess-your-self = あなたの自己評価
assess-your-of = { $name } さんへのあなたの評価
assess-rate-hint = 各項目を評価してください。コメントと根拠（プルリクエスト、ドキュメント、インシデントへのリンク）があると話し合いに役立ちます。
assess-rate-hint-person = 評価が共有されると、上長があなたの評価を見られるようになります。
assess-rate-hint-manager = あなたが評価を共有すると、{ $name } さんがあなたの評価を見られるようになります。
assess-rating = 評価
assess-rating-of = 評価：{ $statement }
assess-comment = コメント
assess-evidence = 根拠
assess-evidence-placeholder = リンク、ドキュメント、インシデント
assess-save-draft = 下書きを保存
assess-submit = 提出
sheet-summary = オフラインで記入
sheet-download = シートをダウンロード
sheet-how = { $download }し、表計算ソフトで { $rating }、{ $comment }、{ $evidence } の列を記入して CSV で保存し、ここで読み込んでください。行は { $id } で照合されます。食い違いはすべて報告され、誤った行がある間は何も保存されません。
sheet-file = 記入済みのシート（CSV）
sheet-import = 読み込む
ratings = 評価
ratings-when-shared = 上長が評価を共有すると表示されます。
ratings-other-side-when-shared = 相手側の評価は、評価が共有されると表示されます。
ratings-sides = 自己評価：{ $own }、上長の評価：{ $manager }。
ratings-disagreements = { $person } さんと { $manager } で評価が異なる項目：{ $count } 件。
ratings-differ = 評価が異なります
area-differ = { $count } 件の相違
elsewhere-heading = このレベルから外れた項目の評価
elsewhere-label = このレベルから外れた項目
elsewhere-where = 現在の場所
share-hint = 双方が提出しました。共有すると、それぞれが相手の評価を見られるようになります。
share-with = { $name } さんと共有
acknowledge-hint = 確認すると評価はロックされます。後からの変更は、理由を添えた新しい版になります。
acknowledged = 確認済み
locked = ロックされています。
revise-summary = やはり変更する
revise-why = 変更の理由
revise-button = 新しい版を始める
badge-reworded = 評価後に言い換えられました
badge-moved = 評価後に移動しました
badge-review = 分割または統合：要確認
badge-removed = 項目は削除されました
diff-changed = 評価後に変わった言葉：
diff-added = 追加：
diff-removed = 削除：
evidence-label = 根拠：

## 印刷用の評価

print-title = { $name } さんの評価
print-heading = { $name } さん：{ $level } に対する評価
print-person = 対象者
print-state = 状態
print-revision = ラダーのリビジョン
print-carried = 評価の引き継ぎ先 { $revision }
print-printed = 印刷日
print-acknowledgement = 確認

## 成長ページ

growth-of = 成長 · { $name }
growth-next = 次：
growth-what-changes = 変わること
growth-assessments = 評価
growth-opened = 開始日
growth-revision = リビジョン
growth-new-version = 新しい版
growth-no-assessments = まだ評価はありません。
growth-assess-against = 評価するレベル
growth-next-level = 次のレベル：{ $level }
growth-current-level = 現在のレベル：{ $level }
growth-start-assessment = 評価を始める
growth-plan = 成長計画
goal-open = 進行中
goal-done = 完了
goal-dropped = 取りやめ
goal-by = 期限 { $date }
goal-mark-done = 完了にする
goal-drop = 取りやめる
goal-reopen = 再開する
growth-no-goals = まだ目標はありません。
growth-work-on = 取り組む項目
growth-suggested = 提案：次のレベルの項目を、最新の共有済み評価で評価の低い順に表示しています。
growth-rated = 評価：{ $rating }
goal-goal = 目標
goal-actions = 行動
goal-target-date = 目標日
goal-add = 計画に追加
notes-heading = 1on1 メモ
notes-hint = { $name } さんと上長の間だけで共有されます。
notes-note = メモ
notes-checks-in-on = 関連する目標
notes-no-goal = （目標なし）
notes-add = メモを追加
notes-removed-author = 削除された作成者
notes-checks-in-on-goal = 関連する目標：{ $goal }
notes-none = まだメモはありません。
timeline = タイムライン
timeline-none = まだ何もありません。
event-assessment = 評価
event-placement = レベル設定
event-goal = 目標
event-note = メモ

## メンバー、トークン、チーム

people-add = メンバーを追加
people-import = 名簿を読み込む
people-name-or-email = 名前またはメールアドレス
people-search = 検索
people-count = { $count } 人
people-page = { $pages } ページ中 { $page } ページ目
people-name = 名前
people-job-title = 職種
people-status = 状態
people-active = 在籍
people-inactive = 退職
role-employee = 従業員
role-hr = 人事
role-admin = 管理者
pager-label = ページ
pager-previous = 前へ
pager-next = 次へ
tokens-new = 新しいトークン（一度だけ表示されます。今すぐコピーしてください）：{ $token }
tokens-how = スクリプトはトークンを { $header } として使います。トークンはその範囲内であなたとして動作します。
tokens-scope = 範囲
tokens-scope-impact = impact（集計のみ、CI 用）
tokens-scope-scim = scim（ID プロバイダーによるプロビジョニング専用）
tokens-create = トークンを作成
tokens-created = 作成日
tokens-revoked = 無効化済み
tokens-revoke = { $name } を無効化
tokens-revoke-question = トークン { $name } を無効化しますか？
tokens-revoke-consequences = { $name }（{ $scope } 権限）を無効化すると、それを使うすべてのスクリプトが直ちに止まり、以後のリクエストは拒否されます。元に戻すことはできません。スクリプトに再びアクセスを与えるには新しいトークンを作成してください。
team-from = 各メンバーの最新の共有済み評価に基づきます。
team-reporting-to = 上長
team-everyone = 全員
team-all-teams = すべてのチーム
team-all-levels = すべてのレベル
team-track = トラック
team-all-tracks = すべてのトラック
team-filter = 絞り込む
team-download = CSV をダウンロード
team-shown = { $count } 人中 { $shown } 人。
team-heatmap = チームのヒートマップ
team-assessed-against = 評価したレベル
team-ready = 準備完了
team-none-shared = 共有なし
team-cell-title = 対象 { $counted } 件中 { $met } 件達成、必要 { $needed } 件
team-cell-hint = 各セル：対象となる項目のうち達成した数。
team-nobody = 表示するメンバーはいません。

## メンバーのページ

person-goes-by = 通称 { $name }
person-growth = 評価と成長
person-none = （なし）
person-start-date = 入社日
person-role = 役割
person-active = 在籍
yes = はい
no = いいえ
person-placements = レベル設定
person-no-placements = まだレベル設定はありません。
person-new-level = 新しいレベル
person-record-placement = レベル設定を記録
person-promotion = 昇格
person-case-for = 昇格案件を開くレベル
person-open-case = 昇格案件を開く
person-case-hint = 案件には、そのレベルに対する最新の共有済み評価が使われます。{ $link } を参照してください。
person-password-link = パスワード用リンクを作成
person-unlink = サインイン ID の連携を解除
person-anonymise = 匿名化
person-export = このメンバーのデータをエクスポート（JSON）

## パスワードの設定

password-your-name = お名前
password-your-email = メールアドレス
password-welcome = ようこそ。
password-welcome-name = { $name } さん、ようこそ。
password-join-as = { $email } として参加するためのパスワードを決めてください。
password-setting = { $email } のパスワードを設定します。
password-label = パスワード（12 文字以上）
password-setup-title = 最初の管理者を作成
password-setup-button = 管理者を作成
password-join-title = 参加する
password-set-title = パスワードを設定
password-set-button = パスワードを設定
password-is-set-title = パスワードを設定しました
password-is-set = パスワードが設定されました。このパスワードでサインインしてください。

## 昇格とフィードバック

promo-cases = 案件
promo-target = 目標レベル
promo-you-are = あなたの立場
promo-no-cases = 閲覧できる昇格案件はありません。
promo-how = 目標レベルに対する評価が共有されると、上長がメンバーのページから案件を開きます。
promo-asked = あなたに依頼されたフィードバック
feedback-on = { $name } さんへのフィードバック
promo-answered = 回答済み
promo-nobody-asked = フィードバックの依頼はありません。
promo-sessions = キャリブレーションセッション
promo-closed = 終了
promo-no-sessions = セッションはありません。
promo-open-session = キャリブレーションセッションを開く
feedback-considered = { $name } さんは { $target } への昇格が検討されています。
feedback-asked = { $date } までに、次の点について回答を依頼されています：
feedback-in-general = 仕事全般について
feedback-answered = あなたの回答：{ $rating }。
feedback-words = 見てきたこと
feedback-send = フィードバックを送る
feedback-advisory = あなたの回答は参考情報です。準備状況のルールは上長の評価を使います。回答が読まれるたびに監査ログに記録されます。

## 新しいラダーへの移行

rollout-none = 進行中の移行はありません。
rollout-name-placeholder = 新しいラダー
rollout-open = このラダーへの移行を始める
rollout-skipped = { $count } 件をスキップ：
rollout-progress = 進捗
rollout-col-suggested = 自動提案
rollout-col-proposed = 提案済み
rollout-col-confirmed = 確定
rollout-col-acknowledged = 本人確認済み
rollout-col-off-ladder = ラダー対象外
rollout-col-done = 完了
rollout-col-change = 変更
rollout-all = 全体
rollout-no-team = チームなし
rollout-bulk = 複数のメンバーをまとめて
rollout-anyone = 全員
rollout-any-track = すべてのトラック
rollout-propose-all = 自動提案されたレベルをすべて提案する
rollout-propose-all-mine = 自分のチームの自動提案されたレベルをすべて提案する
rollout-confirm-all = 提案されたレベルをすべて確定する
rollout-bulk-hint = 自動提案のないメンバー、ラダー対象外のメンバー、あなたが設定できないレベルはスキップされ、理由とともに一覧表示されます。
rollout-any-status = すべての状態
rollout-status-suggested = 自動提案
rollout-status-proposed = 提案済み
rollout-status-confirmed = 確定
rollout-status-acknowledged = 本人確認済み
rollout-show = 表示
rollout-people-label = 移行対象のメンバー
rollout-off-ladder = ラダー対象外
rollout-edit = 編集
rollout-why-suggested = 提案の理由：{ $reason }
rollout-note = メモ：{ $note }
rollout-level-for = { $name } さんのレベル
rollout-choose-level = レベルを選択
rollout-propose = 提案する
rollout-confirm = { $name } さんを { $level } に確定
rollout-back-on = { $name } さんをラダーに戻す
rollout-mark-off = { $name } さんをラダー対象外にする
rollout-close = この移行を終了する

## ロールアウトがレベルを提案した理由
rollout-reason-separator = 。
rollout-reason-current-level = 現在のレベル
rollout-reason-no-title = 手がかりになる職種がありません
rollout-reason-off-ladder = ラダー対象外として登録済み
rollout-reason-title-is-level = 職種「{ $title }」はこのレベルの名称です
rollout-reason-title-reads-as = 職種「{ $title }」は「{ $level }」と読めます：{ $how }（確度 { $confidence }）
rollout-reason-not-on-ladder = 職種「{ $title }」はこのラダーにありません：{ $how }
rollout-reason-cannot-place = 職種「{ $title }」はどのレベルにも当てはめられません：{ $how }
rollout-reason-check = 確実ではありません。確認してください：{ $levels }
rollout-reason-check-doubts = 確実ではありません（{ $doubts }）。確認してください：{ $levels }
rollout-reason-closest = 最も近いレベル：{ $levels }
rollout-reason-previous = 以前の職種「{ $title }」は { $company } の「{ $theirs }」で、「{ $ours }」に対応します（類似度 { $similarity }、確度 { $confidence }）
rollout-reason-previous-reads-as = 以前の職種「{ $title }」は { $company } の「{ $theirs }」と読め、「{ $ours }」に対応します（類似度 { $similarity }、確度 { $confidence }）
rollout-reason-seniority = 職位（A：以前の会社、B：当社）：{ $evidence }
rollout-reason-previous-not-a-level = 以前の職種「{ $title }」は { $company } のレベルではありません

## 昇格案件

case-title = { $name } さん：{ $level } への昇格
case-packet-title = 昇格資料：{ $name } さん
case-printed = 印刷日 { $date }
case-packet = 印刷用の資料
case-missing = 提出する前に、案件には次のものが必要です：{ $missing }。
case-session-closed = キャリブレーションセッション { $name } は終了しています。コメント、投票、決定は受け付けません。
case-session-move = 下で案件を別のセッションに移してください。
case-write = 案件を書く
case-narrative = 説明
case-recommendation = 推薦
case-recommendation-heading = 上長の推薦
case-add-evidence = 根拠を追加
case-link = リンク
case-what-it-shows = 示している内容
case-ask = 同僚にフィードバックを依頼
case-colleague = 同僚（メールアドレス）
case-about = 対象（項目または領域の ID）
case-about-placeholder = 例：craft, delivery
case-due = 期限
case-ask-button = 依頼する
case-submit = キャリブレーションに提出
case-session = キャリブレーションセッション
case-put-in-session = セッションに入れる
case-comment-and-vote = コメントと投票
case-comment-label = コメント（委員会のみ閲覧）
case-vote = 投票
vote-none = 投票しない
vote-approve = 承認
vote-not-now = 今回は見送り
case-comment-button = コメントする
case-record-decision = 決定を記録
case-decision-label = 決定
outcome-approved = 承認
outcome-not-now = 今回は見送り
case-reasons = 理由
case-work-on-label = 取り組むこと（見送りの場合）
case-effective-from = 発効日
case-record = 記録する
case-mark-told = { $name } さんに伝えたことを記録
case-mark-effective = 発効済みにする
case-current-level = 現在のレベル
case-not-placed = 未設定
case-time-in-level = 現レベルでの期間
case-months = { $count } か月
case-tenure = レベルの標準期間：{ $months }
case-now = 現在 { $revision }
case-decision = 決定：{ $decision }
case-work-on = 取り組むこと
case-effective = { $date } から発効。
case-peer-feedback = 同僚からのフィードバック
case-answers = 回答 { $count } 件、平均 { $average }
case-against-manager = （上長は { $average }）
case-peers-agree = 同僚の評価は一致しています
case-peers-differ = 同僚と上長の評価が 1 段階以上離れています
case-a-colleague = 同僚
case-asked-due = 依頼済み、期限 { $date }
case-none-asked = まだ誰にも依頼していません。
case-ratings-against = { $level } に対する評価
case-comments = 委員会のコメントと投票
case-someone = 誰か
case-voted = 投票：{ $vote }
case-no-comments = まだコメントはありません。
case-by = 実施者 { $name }

## 評価サイクルとキャリブレーションセッション

cycles-title = 評価サイクル
cycles-open = サイクルを開く
cycles-name-placeholder = 例：春の評価
cycles-target-next = 次のレベル
cycles-target-own = 現在のレベル
cycles-only-team = 特定の上長のチームのみ（メールアドレス）
cycles-everyone-when-empty = 空欄なら全員
cycles-self-due = 自己評価の期限
cycles-manager-due = 上長の評価の期限
cycles-open-button = サイクルを開く
cycles-hint = 在籍中でレベルが設定されている全員に評価が作成されます。自分の分が終わるまで、アプリにリマインダーが表示されます。リマインドした相手は監査ログに記録されます。
cycles-cycle = サイクル
cycles-against = 対象
cycles-shared = 共有済み
cycles-late = 期限切れ
cycles-next-level = 次のレベル
cycles-current-level = 現在のレベル
cycles-close = 終了
cycles-who = 対応待ち、期限切れ、対象外のメンバー
cycles-in = （{ $name }）
cycles-still-to-do = 未対応
cycles-owed-self = { $name } さんの自己評価
cycles-owed-manager = { $manager } による { $name } さんの評価
cycles-no-manager = 上長なし
cycles-remind = 未対応の全員にリマインドする
cycles-nothing-left = 残っている作業はありません。
cycles-reminded = リマインド { $count } 回
cycles-last-to = 最後は { $people } に送信
cycles-left-out = 対象外
cycles-none = まだサイクルはありません。
calibrations-title = キャリブレーション
calibrations-open = セッションを開く
calibrations-name-placeholder = 例：春の昇格
calibrations-covers = 対象範囲
calibrations-covers-placeholder = サイクル、組織、レベルの範囲
calibrations-chair = 議長（メールアドレス）
calibrations-members = 委員（メールアドレス）
calibrations-open-button = セッションを開く
calibrations-sessions = セッション
calibrations-none = まだセッションはありません。

## 招待とフレームワーク

inv-queued = 招待 { $count } 件を送信待ちにしました。バックグラウンドでメール送信されます。
inv-no-email-links = メールが設定されていません。各メンバーにリンクを渡してください（1 回だけ、7 日間有効です。リンクを持っている人は誰でもパスワードを設定できます）。
inv-nobody = 誰も招待されませんでした。
inv-left-to-admin = { $count } 人は人事または管理者の役割を持っています。管理者が招待します。
inv-not-joined = まだ参加していないメンバーが { $count } 人います（パスワードも ID プロバイダー経由のサインインもありません）。
inv-by-email = 招待はメールで送られます：送信待ち { $queued } 件、送信済み { $sent } 件
inv-failed = 失敗 { $count } 件
inv-no-email = メールが設定されていないため、招待すると各メンバーに渡すリンクが表示されます（メールの設定方法はサーバーのドキュメントを参照してください）。
inv-everyone = 未参加の全員を招待（{ $count } 人）
inv-team = このチームを招待
inv-show-team = チームを表示
inv-table-label = まだ参加していないメンバー
inv-invited = 招待日
inv-invite = 招待
inv-times = { $count } 回
inv-not-yet = 未招待
inv-resend-to = { $name } さんに再送
inv-invite-name = { $name } さんを招待
fw-errors = フレームワークにエラーがあるため読み込まれませんでした。以前の版が引き続き使われています。
fw-in-use = 使用中：{ $revision }
fw-before-reload = 再読み込みの前に：メンバーへの影響
fw-confirm-warning = この再読み込みにより、準備完了でなくなるメンバーがいます。上の数字を読み、意図どおりの場合にだけ再読み込みしてください。
fw-confirm = プレビューを読みました：準備完了でなくなるメンバーがいます
fw-reload = フレームワークを再読み込み
fw-revisions = 使用されたリビジョン
fw-since = { $date } から

## 監査ログとレベルごとの準備状況

audit-title = 監査ログ
audit-broken = チェーンが壊れています：{ $problem }
audit-intact = { $count } 件のエントリのチェーンは完全です。
audit-export = エクスポート（JSON）
audit-export-these = これらのエントリをエクスポート（JSON）
audit-filter-label = 監査ログを絞り込む
audit-who = 誰が
audit-anyone = 誰でも
audit-what = 何を
audit-anything = すべて
audit-every = { $kind } のすべての操作
audit-subject-label = 対象（メンバーの名前かメールアドレス、または記録どおりの形式：{ $example }）
audit-to = 終了
audit-show-everything = すべて表示
audit-none = エントリはありません。
audit-none-match = 条件に一致するエントリはありません。
audit-when = 日時（UTC）
audit-subject = 対象
audit-only-about = { $subject } に関するエントリのみ
audit-only-this = これのみ
audit-cleared = 消去
audit-older = 古いエントリ
insights-title = レベルごとの準備状況
insights-sub = トラックとレベルごとに、各メンバーの最新の共有済み評価から集計しています。名前は表示されません。{ $count } 人未満のグループは数字を表示しません（グループのしきい値：{ $setting }）。
insights-all-hidden = どのレベルも { $count } 人未満のため、数字は表示されません。小さな会社では、ラダーの { $file } の { $table } テーブルにある { $key } を下げ（たとえば 3 に。数字は名前なしのままですが、小さなグループの数字は推測しやすくなります）、フレームワークを再読み込みしてください。
insights-hidden = { $count } 個のレベルを非表示にしています：{ $smallest } 人未満です。
insights-assessed = 評価済み
insights-fewer-than = { $count } 人未満

## キャリブレーションセッション

calibration-title = キャリブレーション：{ $name }
calibration-chair = 議長：{ $name }。
calibration-none = なし
calibration-committee = 委員：{ $names }。
calibration-no-quorum = 委員会の人数がルールの求める数に足りません。
calibration-closed-on = { $date } に終了：このセッションはコメント、投票、決定を受け付けません。
calibration-cases = 案件の比較
calibration-target = 目標
calibration-manager-avg = 上長の平均
calibration-self-gap = 本人 − 上長
calibration-months = 現レベルでの月数
calibration-peers = 同僚
calibration-votes = 投票
calibration-ladder-changed = ラダー変更あり
calibration-no-assessment = 評価なし
calibration-vote-count = 承認 { $yes }、見送り { $later }
calibration-no-cases = このセッションにはまだ案件がありません。人事が各案件のページから提出済みの案件を入れます。
calibration-by-manager = 上長ごとの評価
calibration-by-manager-hint = 各上長が担当案件の目標レベルに付けた評価を、グループ全体（平均 { $average }）と比べています。平均が { $steps } 段階を超えて離れている上長には印が付きます。
calibration-average = 平均
calibration-against-group = グループとの差
calibration-flagged = 要注意
calibration-group = グループ
calibration-distribution = レベルごとの分布
calibration-fewer = { $count } 件未満：数字なし
calibration-close = セッションを終了
calibration-close-hint = すべての案件が決定したらセッションを終了してください。終了後はコメント、投票、決定を受け付けません。

## 再読み込みの影響と項目の状態

impact-title = ラダーへの影響と項目の状態
impact-if-reloaded = 今フレームワークを再読み込みした場合
impact-health = 項目の状態
impact-health-hint = 項目ごとに、各メンバーの最新の共有済み評価から集計しています。評価されたメンバーが { $count } 人未満の項目は数字を表示しません。
impact-export = エクスポート：
impact-not-applicable = 該当なし
impact-manager-spread = 上長間のばらつき
impact-suggestions = 提案
impact-disk-errors = ディスク上のフレームワークにエラーがあります。再読み込みは拒否されます。
impact-from-to = { $old }（使用中）から { $new }（ディスク上）へ
impact-same = ：同じリビジョン
impact-over-allowed = { $table } の上限を超えていますが、メモにより許可されています：{ $note }
impact-over = { $table } の上限を超えています：
impact-readiness = 準備状況：
impact-ready-counts = 準備完了になる人 { $become }、準備完了でなくなる人 { $stop }
impact-not-counting = 評価された人が { $smallest } 人未満の { $count } 個のレベルを除く
impact-rule-changed = 昇格のルールまたは評価尺度が変わりました。すべてのレベルが判定し直されます。
impact-statements-changed = 変更された項目
impact-ready-before = 変更前の準備完了
impact-ready-after = 変更後の準備完了
impact-become-ready = 準備完了になる
impact-stop-being-ready = 準備完了でなくなる
impact-removed = 削除
impact-fewer-assessed = 評価された人が { $count } 人未満
impact-statements = 項目：
impact-statement-counts = 言い換え { $reworded }、移動 { $moved }、分割 { $split }、統合 { $merged }、削除 { $removed }、追加 { $added }。
impact-rating-counts = 言い換えられた項目に従うもの { $reworded }、移動した項目に従うもの { $moved }、分割 { $split } と統合 { $merged }（要確認）、対象外になるもの { $archived }。
impact-placed-removed = 削除されるレベル { $level } に設定されている人：
impact-open-work = 変更されたレベルの未完了の評価 { $assessments } 件、変更された項目の進行中の成長目標 { $goals } 件。
impact-people-changing = 準備状況が変わるメンバー
impact-becomes-ready = 準備完了になる
impact-stops-being-ready = 準備完了でなくなる
impact-markdown = Markdown 形式（プルリクエスト用）

## 名簿の読み込み

roster-intro = 人事システムのエクスポートをそのままアップロードしてください（BambooHR、HiBob、Personio、Workday、Rippling、またはヘッダー行のある任意の CSV）。最初の実行は試行です。各列の読み取り方とすべての問題を一度に示し、何も書き込みません。メンバーはメールアドレスで照合され、誤った行がある間は何も書き込まれません。
roster-using = 使用中のファイル：{ $file }
roster-replace = 置き換える場合にだけ別のファイルを選んでください。
roster-too-big = ファイルが大きすぎて実行の間で保持できません。もう一度選んでください。
roster-file = CSV ファイル
roster-how-reads = ファイルの読み取り結果
roster-looks-like = { $system } のエクスポートのようです。
roster-read-as = 文字コード { $encoding }、{ $people }、日付は { $dates }。
roster-check-columns = 各項目の列を最初のメンバーのセルと照らし合わせ、推測が違っていれば列を変えてください。選んだ内容は次の実行でも使われます。
roster-columns-label = 列の読み取り方
roster-field = 項目
roster-column = ファイルの列
roster-first-person = 最初のメンバー
roster-find-by-heading = （見出しから探す）
roster-not-used = （使わない）
roster-dates-like = 3/4/2017 のような日付は
roster-dates-auto = ファイルから判断（判断できない場合は確認）
roster-dates-month-first = 月が先：3 月 4 日（米国）
roster-dates-day-first = 日が先：4 月 3 日（英国、欧州）
roster-deactivate = ファイルにないメンバーを退職扱いにする
roster-dry-run = 試行：変更内容を表示し、何も書き込まない
roster-run-again = もう一度実行
roster-nothing-imported = 何も読み込まれませんでした
roster-problems = 問題 { $count } 件（スプレッドシートの行ごと、ヘッダーは 1 行目）：
roster-problems-label = 問題
roster-row = 行
roster-column-short = 列
roster-problem = 問題

## 名簿の問題
roster-problem-encoding = ファイルを { $encoding } のテキストとして読めません。「CSV UTF-8」で書き出してください
roster-problem-header = 見出し行を読めません：{ $error }
roster-problem-cells = この行のセルは { $cells } 個ですが、見出しは { $header } 個です。正しい CSV ではありません
roster-problem-csv = 正しい CSV ではありません：{ $error }
roster-problem-no-email = メールアドレスの列がありません（列名を `email` か `work email` にするか、列を選んでください）
roster-problem-no-name = 氏名の列がありません（`first name` と `last name`、または `name`）
roster-problem-track-and-level = トラックとレベルの列は両方指定するか、どちらも指定しないでください
roster-problem-no-people = ファイルに見出しはありますが、人が載っていません
roster-problem-no-manager = このファイルにも rungs にも、メールアドレス・社員番号・氏名が `{ $cell }` の人はいません
roster-problem-managers = `{ $cell }` に当てはまる人が { $count } 人います：{ $who }。マネージャーはメールアドレスか社員番号で指定してください
roster-problem-track-and-level-row = トラックとレベルは両方指定するか、どちらも指定しないでください
roster-problem-duplicate = { $email } は { $row } 行目にもあります
roster-problem-privileged = { $email } のロールは { $role } です。変更できるのは管理者だけです
roster-problem-own-manager = { $email } を本人のマネージャーにはできません
roster-problem-unknown-manager = マネージャー { $manager } はこのファイルにも既存の登録にもありません
roster-problem-circle = { $email } を通ってレポートラインが循環しています
roster-problem-dates-mixed = 日が先の日付（`{ $day_first }`、{ $day_row } 行目）と月が先の日付（`{ $month_first }`、{ $month_row } 行目）が混在しています。どちらかにそろえてください
roster-problem-dates-open = `{ $cell }` は日が先とも月が先とも読め、ファイル内のどの日付でも決まりません。日付の形式（米国式の月が先、または日が先）を選んでください
roster-problem-date = `{ $cell }` は日付ではありません（YYYY-MM-DD、M/D/YYYY、D/M/YYYY、DD.MM.YYYY のいずれか）
roster-problem-date-not-iso = `{ $cell }` は日付ではありません（YYYY-MM-DD で書いてください）
roster-problem-date-short-year = `{ $cell }` の年が 2 桁です。年は 4 桁で書いてください
roster-problem-date-month = `{ $cell }` は日付ではありません：{ $month } 月はありません
roster-problem-date-day = `{ $cell }` は日付ではありません：{ $year } 年{ $month_name }に { $day } 日はありません
# A month by its number, for the message above.
roster-month-1 = 1月
roster-month-2 = 2月
roster-month-3 = 3月
roster-month-4 = 4月
roster-month-5 = 5月
roster-month-6 = 6月
roster-month-7 = 7月
roster-month-8 = 8月
roster-month-9 = 9月
roster-month-10 = 10月
roster-month-11 = 11月
roster-month-12 = 12月
roster-problem-row-no-name = 氏名がありません
roster-problem-row-no-email = メールアドレスがありません
roster-problem-email = `{ $email }` はメールアドレスではありません
roster-problem-status = `{ $value }` からは在籍しているかどうか（在籍・退職）が分かりません
roster-problem-level = `{ $level }` はこのラダーのレベルではありません
roster-problem-no-column = { $field } の列 `{ $column }` がありません
roster-note-status-unused = `{ $column }` は使いません。値は雇用形態を表し、在籍しているかどうかではありません
roster-imported = 読み込み完了
roster-dry-run-heading = 試行：まだ何も書き込まれていません
roster-plan = 追加 { $add } · 変更 { $change } · 無効化 { $deactivate } · 変更なし { $unchanged }
roster-kind-added = 追加
roster-kind-changed = 変更
roster-kind-deactivated = 無効化
roster-more = … ほか { $count } 件
roster-titles = このラダーでの職種
roster-titles-hint = 各職種のメンバーに移行で提案されるレベルです。「要確認」の職種は確実ではありません。ラダーに別名を付けると（docs/map.md を参照）確定できます。
roster-titles-label = 職種
roster-reads-as = 読み取り結果
roster-check = 要確認
roster-more-titles = … ほか { $count } 件の職種。

## 名簿の項目、日付の読み方、取り込みで変わる項目
roster-field-email = 業務用メールアドレス
roster-field-employee_number = 社員番号
roster-field-first_name = 名（戸籍上）
roster-field-last_name = 姓（戸籍上）
roster-field-name = 氏名（姓と名の列がない場合）
roster-field-display_name = 呼び名（戸籍上の名前の横に表示）
roster-field-job_title = 職種
roster-field-team = チーム
roster-field-manager_email = マネージャー（メールアドレス、社員番号または氏名）
roster-field-start_date = 入社日
roster-field-active = 在籍状況（雇用状態）
roster-field-track = トラック
roster-field-level = レベル
roster-field-previous_title = 前職での職種
roster-dates-read-auto = ファイルから判断
roster-dates-read-month_first = 月が先（M/D/YYYY）
roster-dates-read-day_first = 日が先（D/M/YYYY）
roster-changed-active = 在籍状況
roster-changed-display-name = 呼び名
roster-changed-employee-number = 社員番号
roster-changed-job-title = 職種
roster-changed-level = レベル
roster-changed-manager = マネージャー
roster-changed-name = 氏名
roster-changed-previous-title = 前職での職種
roster-changed-start-date = 入社日
roster-changed-team = チーム

## レベル設定の理由

reason-hire = 採用
reason-rollout = 移行
reason-promotion = 昇格
reason-correction = 訂正

## フォーム送信後のメッセージ

flash-submitted = 提出しました。
flash-saved = 保存しました（{ $count } 件を変更）。

## メンバーのタイムライン

event-assessment-text = { $level } に対する評価：{ $state }
event-placement-text = { $date } から { $level } に設定（{ $reason }）
event-goal-text = 目標（{ $status }）：{ $goal }
event-note-text = 1on1 メモ

## 対応待ちの項目についてのメール

mail-hello = { $name } さん
mail-notice-footer =
    対応待ちの項目が新しくできるたびにメールが届きます。1 日 1 通にする、
    または受け取らない場合は、アカウントページで変更してください：{ $account }
mail-digest-subject = { $site }：対応待ちの項目が { $count } 件あります
mail-waiting = 対応待ち：
mail-digest-footer =
    この一覧はホームページにもあります：{ $home }
    項目ごとにメールを受け取る、または受け取らない場合は、
    アカウントページで変更してください：{ $account }

## 準備状況と昇格のルール

rule-every-statement = すべての項目
rule-share = 項目の { $percent }%
rule-count = { $count } 件の項目
rule-in-each-area = 各領域で、{ $what }が「{ $threshold }」以上と評価されていること{ $by }
rule-by-both = （本人と上長の双方による評価）
rule-by-manager = （上長による評価）
rule-waivable = 免除できる領域：{ $areas }
rule-months = 現在のレベルで { $count } か月以上
rule-tenure = 現在のレベルの標準期間以上
ready-area-reason = { $counted } 件中 { $met } 件が「{ $threshold }」以上。ルールの要求は { $needed } 件
ready-area-unrated = （未評価 { $count } 件）
ready-area-waivable = この領域は免除できます
ready-time = 現在のレベルで { $months } か月。ルールの要求は { $need } か月
ready-time-unknown = 現在のレベルでの期間は不明です（レベル設定なし）。ルールの要求は { $need } か月
ready-summary-empty = このレベルには評価する項目がありません。
ready-summary-ready = 準備完了：すべての領域がルールを満たしています。
ready-summary-ready-time = 準備完了：すべての領域がルールを満たし、現在のレベルでの期間も達しています。
ready-not-met-in = 未達成の領域：{ $areas }
ready-not-long-enough = 現在のレベルでの期間が足りません
ready-summary-not-yet = まだ準備ができていません：{ $reasons }。

## Confirmation pages of destructive actions
confirm-close-button = { $name } を終了
confirm-rollout-close-question = ロールアウト { $name } を終了しますか？
confirm-rollout-close-ends = { $name } を終了すると、その中でレベルを提案・確認・承認することはできなくなります。エントリは読み取り専用で残り、終了したロールアウトを再開することはできません。
confirm-rollout-close-open = まだ確認済みのレベルがない人が { $count } 人います。
confirm-cycle-close-question = サイクル { $name } を終了しますか？
confirm-cycle-close-stops = { $name } を終了するとリマインダーが止まり、全員のホームページから外れます。評価はそのまま残ります。終了したサイクルを再開することはできません。
confirm-cycle-close-unshared = { $total } 件の評価のうち { $unshared } 件がまだ共有されていません。
confirm-session-close-question = セッション { $name } を終了しますか？
confirm-session-close-ends = { $name } を終了すると、委員会はケースを引き続き閲覧できますが、コメント・投票・決定はできなくなります。終了したセッションを再開することはできません。
confirm-session-close-cases = ケースは { $count } 件、うち { $decided } 件が決定済みです。{ $undecided ->
    [0] 決定済みのものは通常どおり進みます。マネージャーが本人に伝え、HR が発効させます。
   *[other] 決定のない { $undecided } 件は、HR が別のセッションに移すまでキャリブレーションで待機します。
}
confirm-deactivate-question = { $name } を無効にしますか？
confirm-deactivate-signs-out = { $name } を無効にすると、すべての場所から直ちにサインアウトされます。セッションと API トークンは使えなくなり、サインインもできなくなります。
confirm-deactivate-reports = まだ { $count } 人が { $name } の部下です。評価と成長計画を読む人がいるよう、別のマネージャーを設定してください。
confirm-deactivate-kept = レベル付け、評価、履歴は残ります。後で再び有効にできますが、その際は新しいサインインリンクが必要です。
confirm-deactivate-button = { $name } を無効にする
confirm-anonymise-question = { $name } を匿名化しますか？
confirm-anonymise-removes = { $name } を匿名化すると、氏名、メールアドレス、役職、入社日、その人について書かれたメモ・コメント・根拠・目標、そしてその人としてサインインするすべての手段（セッション、API トークン、リンク）が削除されます。
confirm-anonymise-final = 元に戻すことはできません。レベル付けはレベルごとの人数に残り、評価 { $count } 件は名前なしで保持されます。
confirm-anonymise-button = { $name } を匿名化

## Notices after an action
rollout-bulk-proposed = 提案しました
rollout-bulk-confirmed = 確認しました
bulk-skip-off-ladder = どのラダーにも載っていません
bulk-skip-no-suggestion = 提案されたレベルがありません。手動で提案してください
bulk-skip-gone = 提案されたレベル `{ $level }` はもうラダーにありません
bulk-skip-own-proposed = 自分のレベルはマネージャーか HR が提案します
bulk-skip-own-confirmed = 自分のレベルは他の人が確認します
bulk-skip-role-confirmed = ロール（HR または管理者）を持つ人のレベルは管理者が確認します
bulk-skip-not-yours = あなたがレベルを提案する相手ではありません
bulk-skip-own-decided = 自分のレベルは他の人が決めます
bulk-skip-role-decided = ロール（HR または管理者）を持つ人のレベルは管理者が決めます
flash-cycle-opened = サイクルを開始しました: 評価 { $count } 件。
flash-cycle-left-out = { $count } 人が対象外になりました。対象外の人とその理由は下にあります。
flash-cycle-reminded = { $count } 人にリマインダーを記録しました。各自のホームページに表示されます。
flash-cycle-emailed = { $count } 人にメールで送りました。
flash-sheet-imported = { $rows } 行を取り込みました: { $changed } 件の評定が変わりました。
flash-sheet-missing = シートになかったため、そのままにした項目: { $ids }。
flash-sheet-reworded = シートの文言が現在のラダーと異なる項目（ラダーの文言に対して評定しました）: { $ids }。
password-link-title = パスワード用リンク
password-link-text = このリンクを本人に送ってください。24 時間以内に一度だけ使えます。リンクを持つ人は誰でもパスワードを設定できます。
anonymised-title = 匿名化しました
anonymised-text = 氏名、メールアドレス、役職、メモは削除されました。レベル付けは人数に残ります。

## The error page
error-title = { $status ->
    [400] 不正なリクエスト
    [401] 未サインイン
    [403] アクセスできません
    [404] 見つかりません
    [409] 競合
    [422] 使用できない内容
    [429] 試行回数が多すぎます
    [500] サーバーエラー
   *[other] エラー
}
error-explain = { $status ->
    [404] 存在しないか、閲覧する権限がありません。
    [409] 他の変更が先に行われたか、その値はすでに使われています。
    [422] 送信された内容はこのままでは使えません。
   *[other] このリクエストは処理できません。
}
error-sign-in = 先にサインインしてください。
error-forbidden = これにアクセスする権限がありません。
error-too-many = 試行回数が多すぎます。数分待ってからもう一度お試しください。
error-internal = サーバーで問題が発生しました。エラーは記録されています。
error-back = アプリに戻る

## Invitations and cycle reminders
mail-invite-subject = { $site } への招待
mail-invite-intro =
    { $site } に招待されました。自分のレベル、次のレベルに求められること、
    そして自分の評価を見ることができます。
mail-invite-join = こちらでパスワードを設定して参加してください（リンクは 7 日間、一度だけ使えます）:
mail-invite-ignore = 心当たりがない場合は、このメールを無視してください。
mail-reminder-subject = { $site }: { $cycle } のリマインダー
mail-reminder-intro = リマインダー: { $cycle } でまだ済んでいないもの
mail-reminder-self = 自己評価
mail-reminder-of = { $name } さんの評価
mail-reminder-due = 、期限 { $date }
mail-reminder-due-late = 、期限 { $date }（期限切れ）
mail-reminder-home = あなたを待っているものはホームページにもあります: { $home }

## Common form errors (each the English sentence itself)
form-choose-level = 提案するレベルを選んでください。
form-choose-file = 取り込むファイルを選んでください。
form-choose-csv = CSV ファイルを選んでください。
form-say-what-you-saw = 見たことを言葉で書いてください。
form-say-what-to-work-on = 取り組むことを書いてください。
form-name-session = キャリブレーションセッションの名前を付けてください。
form-rollout-closed = このロールアウトは終了しています。
form-cycle-closed = このサイクルは終了しています。
form-password-short = パスワードは 12 文字以上必要です。
form-account-choose = 言語、または待っているものの知らせ方を選んでください。
form-nobody-to-remind = このサイクルで未完了の人はいません。リマインドする相手がいません。
form-ratings-submitted = この評定は提出済みのため、変更できません。
form-case-decided = このケースは決定済みのため、フィードバックは締め切られています。
form-anonymise-yourself = 自分自身を匿名化することはできません。
form-off-ladder = この人は「ラダー外」とされています。先にいずれかのラダーに戻してください。
form-kept-damaged = 保持していたファイルが壊れています。もう一度ファイルを選んでください。
form-not-a-date = { $filter }：`{ $day }` は日付ではありません（YYYY-MM-DD）
form-not-a-statement = `{ $key }` はラダーの項目ではありません
form-not-a-level = `{ $level }` はこのラダーのレベルではありません
form-upload-too-large = アップロードが { $mib } MiB を超えているか、届くのが遅すぎました
form-too-large = フォームが { $kib } KiB を超えています
form-assessment-level-gone = ラダーにレベル `{ $level }` がなくなったため、この評価はもう評価できません
form-assessment-state = 評価が「{ $state }」の間はできません
form-nobody-has-email = メールアドレス `{ $email }` の人はいません
form-sheet-not-utf8 = シートが UTF-8 のテキストではありません（{ $byte } バイト目）。「CSV UTF-8」で保存してください
form-sheet-header = シートの 1 行目を読めません：{ $error }
form-inactive-no-assessment = { $name } はもう在籍していないため、新しい評価は開始されません
form-inactive-no-case = { $name } はもう在籍していないため、ケースは開始されません
form-already-at-level = { $name } はすでに `{ $level }` です
form-case-text-too-long = { $part }：20,000 文字を超えています
form-not-a-link = `{ $url }` はリンク（https://…）ではありません
form-no-colleague = `{ $who }` は在籍中の同僚ではありません
form-committee-too-small = 委員会のメンバーは { $members } 人です。[promotions] committee_size は { $size } 人を求めています
form-level-gone = `{ $level }` はもうラダーのレベルではありません
form-session-closed = キャリブレーションセッション { $name } はすでに終了しています
form-invite-inactive = { $name } は在籍していません
form-invite-joined = { $name } はすでに参加しています
