# The words of the published site, in English: page chrome, navigation,
# search and comparisons. Every message here must exist in every other
# catalogue (the site crate's tests check it); messages whose id starts with
# `js-` are carried to the browser for the scripts.
#
# Variables such as { $track } stand for text from the framework (or a link
# to it); { $count } and { $n } are numbers and choose the plural form.

## Every page

skip-to-content = Skip to content
menu = Menu
header-links = Links
language-switch = Language
nav-label = Levels and pages
nav-earlier-levels = { $count ->
    [one] … { $count } earlier level
   *[other] … { $count } earlier levels
}
nav-later-levels = { $count ->
    [one] … { $count } later level
   *[other] … { $count } later levels
}
nav-tracks = { $count ->
    [one] Track
   *[other] Tracks
}
nav-all-tracks = All tracks
nav-more = More
nav-compare = Compare levels
nav-grades = Grades
nav-links = Links
footer-links = More links
breadcrumb = Breadcrumb
crumb-home = Home
# Between a page's title and the site's title in the browser's tab.
title-separator = { " · " }
# Between the items of a list written in a sentence.
list-separator = { ", " }

## Home page

home-tracks = Tracks
kind-management = Management
kind-individual = Individual contributor
level-count = { $count ->
    [one] { $count } level
   *[other] { $count } levels
}
card-first = From { $first }
card-range = From { $first } to { $last }

## Track page

track-kind-management = Management track
track-kind-individual = Individual-contributor track
track-branches-from = branches from { $track }
track-builds-on = builds on { $track }
track-no-levels = No levels yet.
track-no-expectations = No expectations written yet.
track-placeholder-levels = This track is a placeholder: its levels and expectations are still to be written.
track-placeholder = This track is a placeholder: its expectations are still to be written.
track-levels = Levels
track-matrix = All levels in one grid
track-ladder = The ladder
track-ladder-caption = Levels of { $track }, most senior first
track-ladder-level = Level
track-paths-split = Paths split here
tenure-at-level = { $tenure } at this level
track-time-shift = How time shifts up the ladder
track-time-shift-hint = Each level's typical split of time, from the middle of each range.

## Level page

level-title = { $level } · { $track }
level-position = Level { $position } of { $count }
level-experience = { $experience } of experience
level-scope = Scope: { $scope }
time-split-title = How time is split
time-split = Time split
level-peers = Same grade in other tracks:
level-peers-and = and
level-peers-more = { $count } more
level-no-expectations = No expectations written for this level yet.
level-also-expected = Also expected, from { $level }:
indicators = Indicators
fact-tenure = Typical time at this level
fact-time-at-level = Time at this level
fact-experience = Experience
fact-scope = Scope
fact-time-on = Time on { $area }
pager = Levels
pager-previous = Previous level
pager-compare = Compare
pager-next-change = What changes at the next level
pager-next = Next level
toc = On this page
examples = Examples
further-reading = Further reading
level-in-track = { $level } ({ $track })

## Admonitions

alert-note = Note
alert-tip = Tip
alert-important = Important
alert-warning = Warning
alert-caution = Caution

## Grid of all levels

matrix-title = { $track }: all levels
matrix-all-levels = All levels
matrix-lead = Every level side by side, by area. Open a statement on its level page from its link.
matrix-earlier = Earlier levels
matrix-showing = Showing
matrix-first-shown = First level shown
matrix-later = Later levels
matrix-region = Levels by area
matrix-area = Area
matrix-no-js = The grid is drawn in the browser from the ladder's data, which needs JavaScript. Without it, each level's page lists its expectations in full:

## Comparisons

compare-title = Compare levels
compare-title-track = Compare levels · { $track }
compare-description = Compare any two levels, side by side.
compare-description-track = What changes at each step of { $track }
compare-choose-two = Choose two levels
compare-from = From
compare-to = To
compare-choose-level = Choose a level
compare-comparing = Comparing…
compare-hint = Choose two levels above, from any tracks, to see what changes between them.
compare-no-js = Comparisons are worked out in the browser, which needs JavaScript. Without it, each level's page lists its expectations in full.
compare-steps-track = Each step of this ladder
compare-steps = Each step of a ladder
compare-step = Compare
compare-level-pages = Every level page links to what changes at the next level.

## Grades

grades-title = Grades
grades-description = Every track's level at each grade, side by side.
grades-lead = Every track's level at each grade of the shared scale, side by side.
grades-grade = Grade

## Years (tenure and experience)

years-exact = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
years-open = { $min }+ years
years-range = { $min }-{ $max } years

## Page not found

not-found-title = Page not found
not-found-lead = This page does not exist, or it moved when the framework changed.
not-found-home = Go to the home page
not-found-search = { $home } or use the search above.

## The scripts (search, the grid's paging, comparisons)

js-search-label = Search statements, levels and pages
js-search-placeholder = Search  /
js-search-results = Search results
js-search = Search
js-theme-label = Switch between light and dark mode
js-theme-title = Light or dark
js-menu-close-label = Close the menu
js-menu-close = Close
js-link-statement = Link to this statement
js-link-heading = Link to { $title }
js-open-statement = Open this statement
js-indicators = Indicators
js-pages = Pages
js-no-results = No results for “{ $query }”.
js-try = Try:
js-try-fewer = Try fewer words, or part of a word.
js-matrix-range-one = level { $first } of { $count }
js-matrix-range = levels { $first }–{ $last } of { $count }
js-matrix-failed = The grid could not be drawn: the site's data did not load. Each level's page, linked above, lists its expectations in full.
js-compare-changed = { $n } changed
js-compare-new = { $n } new
js-compare-dropped = { $n } not restated at { $level }
js-compare-unchanged = { $n } unchanged
js-fact-changes = Indicators that change
js-fact = Indicator
js-before = Before
js-after = After
js-change = Change
js-not-stated = not stated
js-label-new = new
js-label-changed = changed
js-label-unchanged = unchanged
js-label-dropped = not restated
js-folded-dropped = { $n } not restated
js-folded-unchanged = { $n } unchanged
js-show-all = Show all: { $items }
js-show = Show: { $items }
js-list-separator = { ", " }
js-choose-level = Choose a level
