# 公開サイトの日本語の文言：ページの枠組み、ナビゲーション、検索、比較。
# 英語のカタログにあるメッセージはすべてここにも必要です（サイトのクレートの
# テストが確認します）。ID が `js-` で始まるメッセージはブラウザのスクリプトに
# 渡されます。日本語には複数形がないため、数の選択肢は other だけです。

## すべてのページ

skip-to-content = 本文へ移動
menu = メニュー
header-links = リンク
language-switch = 言語
nav-label = レベルとページ
nav-earlier-levels = … 前の { $count } レベル
nav-later-levels = … 後の { $count } レベル
nav-tracks = トラック
nav-all-tracks = すべてのトラック
nav-more = その他
nav-compare = レベルを比較
nav-grades = グレード
nav-links = リンク
footer-links = その他のリンク
breadcrumb = パンくずリスト
crumb-home = ホーム
title-separator = { " · " }
list-separator = 、

## ホーム

home-tracks = トラック
kind-management = マネジメント
kind-individual = 個人貢献者（IC）
level-count = { $count } レベル
card-first = { $first } から
card-range = { $first } から { $last } まで

## トラック

track-kind-management = マネジメントトラック
track-kind-individual = 個人貢献者（IC）トラック
track-branches-from = { $track } から分岐
track-builds-on = { $track } を基盤とする
track-no-levels = レベルはまだありません。
track-no-expectations = 期待事項はまだ書かれていません。
track-placeholder-levels = このトラックは準備中です。レベルと期待事項はこれから書かれます。
track-placeholder = このトラックは準備中です。期待事項はこれから書かれます。
track-levels = レベル
track-matrix = 全レベルを一覧表で見る
track-ladder = キャリアラダー
track-ladder-caption = { $track } のレベル（上位から順に）
track-ladder-level = レベル
track-paths-split = ここで道が分かれます
tenure-at-level = このレベルで { $tenure }
track-time-shift = ラダーを上るにつれて時間の使い方はどう変わるか
track-time-shift-hint = 各レベルの典型的な時間配分（各範囲の中央値）。

## レベル

level-title = { $level } · { $track }
level-position = 全 { $count } レベル中 { $position }
level-experience = 経験 { $experience }
level-scope = 影響範囲：{ $scope }
time-split-title = 時間の配分
time-split = 時間配分
level-peers = 他のトラックで同じグレード：
level-peers-and = ほか
level-peers-more = { $count } 件
level-no-expectations = このレベルの期待事項はまだ書かれていません。
level-also-expected = { $level } からも引き続き期待されること：
indicators = 指標
fact-tenure = このレベルでの標準的な期間
fact-time-at-level = このレベルでの期間
fact-experience = 経験
fact-scope = 影響範囲
fact-time-on = { $area } に使う時間
pager = レベル
pager-previous = 前のレベル
pager-compare = 比較
pager-next-change = 次のレベルで変わること
pager-next = 次のレベル
toc = このページの内容
examples = 例
further-reading = 参考資料
level-in-track = { $level }（{ $track }）

## 注記

alert-note = 注記
alert-tip = ヒント
alert-important = 重要
alert-warning = 警告
alert-caution = 注意

## 全レベルの一覧表

matrix-title = { $track }：全レベル
matrix-all-levels = 全レベル
matrix-lead = すべてのレベルを領域ごとに並べて表示します。各項目のリンクから、そのレベルのページで項目を開けます。
matrix-earlier = 前のレベル
matrix-showing = 表示中
matrix-first-shown = 最初に表示するレベル
matrix-later = 後のレベル
matrix-region = 領域別のレベル
matrix-area = 領域
matrix-no-js = この一覧表はブラウザでラダーのデータから組み立てるため、JavaScript が必要です。JavaScript がなくても、各レベルのページで期待事項をすべて読めます：

## 比較

compare-title = レベルを比較
compare-title-track = レベルを比較 · { $track }
compare-description = 任意の二つのレベルを並べて比較します。
compare-description-track = { $track } の各ステップで変わること
compare-choose-two = 二つのレベルを選択
compare-from = 比較元
compare-to = 比較先
compare-choose-level = レベルを選択
compare-comparing = 比較しています…
compare-hint = 上で任意のトラックから二つのレベルを選ぶと、その間で何が変わるかを表示します。
compare-no-js = 比較はブラウザで計算するため、JavaScript が必要です。JavaScript がなくても、各レベルのページで期待事項をすべて読めます。
compare-steps-track = このラダーの各ステップ
compare-steps = ラダーの各ステップ
compare-step = 比較
compare-level-pages = 各レベルのページから、次のレベルで変わることへのリンクがあります。

## グレード

grades-title = グレード
grades-description = 各グレードにおける各トラックのレベルを並べて表示します。
grades-lead = 共通スケールの各グレードにおける各トラックのレベルを並べて表示します。
grades-grade = グレード

## 年数（在籍期間と経験）

years-exact = { $count }年
years-open = { $min }年以上
years-range = { $min }〜{ $max }年

## ページが見つかりません

not-found-title = ページが見つかりません
not-found-lead = このページは存在しないか、フレームワークの変更で移動しました。
not-found-home = ホームへ戻る
not-found-search = { $home } か、上の検索をお使いください。

## スクリプト（検索、一覧表のページ送り、比較）

js-search-label = 期待事項・レベル・ページを検索
js-search-placeholder = 検索  /
js-search-results = 検索結果
js-search = 検索
js-theme-label = ライトモードとダークモードを切り替え
js-theme-title = ライト／ダーク
js-menu-close-label = メニューを閉じる
js-menu-close = 閉じる
js-link-statement = この項目へのリンク
js-link-heading = 「{ $title }」へのリンク
js-open-statement = この項目を開く
js-indicators = 指標
js-pages = ページ
js-no-results = 「{ $query }」に一致する結果はありません。
js-try = 候補：
js-try-fewer = 語を減らすか、語の一部で検索してください。
js-matrix-range-one = 全 { $count } レベル中 { $first }
js-matrix-range = 全 { $count } レベル中 { $first }–{ $last }
js-matrix-failed = 一覧表を表示できませんでした。サイトのデータを読み込めませんでした。上のリンクから各レベルのページで期待事項をすべて読めます。
js-compare-changed = 変更 { $n }
js-compare-new = 新規 { $n }
js-compare-dropped = { $level } で再記述なし { $n }
js-compare-unchanged = 変更なし { $n }
js-fact-changes = 変わる指標
js-fact = 指標
js-before = 変更前
js-after = 変更後
js-change = 変更
js-not-stated = 記載なし
js-label-new = 新規
js-label-changed = 変更
js-label-unchanged = 変更なし
js-label-dropped = 再記述なし
js-folded-dropped = 再記述なし { $n }
js-folded-unchanged = 変更なし { $n }
js-show-all = すべて表示：{ $items }
js-show = 表示：{ $items }
js-list-separator = 、
js-choose-level = レベルを選択
