# Die Wörter der veröffentlichten Website auf Deutsch: Seitenrahmen,
# Navigation, Suche und Vergleiche. Jede Nachricht des englischen Katalogs
# muss hier stehen (die Tests der Site-Crate prüfen das); Nachrichten, deren
# Kennung mit `js-` beginnt, gehen an die Skripte im Browser.

## Jede Seite

skip-to-content = Zum Inhalt springen
menu = Menü
header-links = Links
language-switch = Sprache
nav-label = Stufen und Seiten
nav-earlier-levels = { $count ->
    [one] … { $count } frühere Stufe
   *[other] … { $count } frühere Stufen
}
nav-later-levels = { $count ->
    [one] … { $count } spätere Stufe
   *[other] … { $count } spätere Stufen
}
nav-tracks = { $count ->
    [one] Laufbahn
   *[other] Laufbahnen
}
nav-all-tracks = Alle Laufbahnen
nav-more = Mehr
nav-compare = Stufen vergleichen
nav-grades = Job-Grades
nav-links = Links
footer-links = Weitere Links
breadcrumb = Brotkrumennavigation
crumb-home = Startseite
title-separator = { " · " }
list-separator = { ", " }

## Startseite

home-tracks = Laufbahnen
kind-management = Führungslaufbahn
kind-individual = Fachlaufbahn
level-count = { $count ->
    [one] { $count } Stufe
   *[other] { $count } Stufen
}
card-first = Ab { $first }
card-range = Von { $first } bis { $last }

## Laufbahn

track-kind-management = Führungslaufbahn
track-kind-individual = Fachlaufbahn
track-branches-from = zweigt ab von { $track }
track-builds-on = baut auf { $track } auf
track-no-levels = Noch keine Stufen.
track-no-expectations = Noch keine Erwartungen beschrieben.
track-placeholder-levels = Diese Laufbahn ist ein Platzhalter: Ihre Stufen und Erwartungen werden noch geschrieben.
track-placeholder = Diese Laufbahn ist ein Platzhalter: Ihre Erwartungen werden noch geschrieben.
track-levels = Stufen
track-matrix = Alle Stufen in einer Tabelle
track-ladder = Die Karriereleiter
track-ladder-caption = Stufen von { $track }, die höchste zuerst
track-ladder-level = Stufe
track-paths-split = Hier teilen sich die Wege
tenure-at-level = { $tenure } auf dieser Stufe
track-time-shift = Wie sich die Zeit die Leiter hinauf verschiebt
track-time-shift-hint = Die typische Zeitaufteilung jeder Stufe, jeweils aus der Mitte der Spanne.

## Stufe

level-title = { $level } · { $track }
level-position = Stufe { $position } von { $count }
level-experience = { $experience } Berufserfahrung
level-scope = Wirkungsbereich: { $scope }
time-split-title = Wie sich die Zeit aufteilt
time-split = Zeitaufteilung
level-peers = Gleicher Job-Grade in anderen Laufbahnen:
level-peers-and = und
level-peers-more = { $count } weitere
level-no-expectations = Für diese Stufe sind noch keine Erwartungen beschrieben.
level-also-expected = Ebenfalls erwartet, aus { $level }:
indicators = Eckdaten
fact-tenure = Typische Zeit auf dieser Stufe
fact-time-at-level = Zeit auf dieser Stufe
fact-experience = Berufserfahrung
fact-scope = Wirkungsbereich
fact-time-on = Zeit für { $area }
pager = Stufen
pager-previous = Vorherige Stufe
pager-compare = Vergleichen
pager-next-change = Was sich auf der nächsten Stufe ändert
pager-next = Nächste Stufe
toc = Auf dieser Seite
examples = Beispiele
further-reading = Weiterführende Links
level-in-track = { $level } ({ $track })

## Hinweiskästen

alert-note = Hinweis
alert-tip = Tipp
alert-important = Wichtig
alert-warning = Warnung
alert-caution = Vorsicht

## Tabelle aller Stufen

matrix-title = { $track }: alle Stufen
matrix-all-levels = Alle Stufen
matrix-lead = Alle Stufen nebeneinander, nach Bereichen. Über ihren Link öffnen Sie eine Erwartung auf der Seite ihrer Stufe.
matrix-earlier = Frühere Stufen
matrix-showing = Anzeige ab
matrix-first-shown = Erste angezeigte Stufe
matrix-later = Spätere Stufen
matrix-region = Stufen nach Bereichen
matrix-area = Bereich
matrix-no-js = Die Tabelle wird im Browser aus den Daten der Laufbahn aufgebaut und braucht dafür JavaScript. Ohne JavaScript führt die Seite jeder Stufe alle ihre Erwartungen auf:

## Vergleiche

compare-title = Stufen vergleichen
compare-title-track = Stufen vergleichen · { $track }
compare-description = Zwei beliebige Stufen nebeneinander vergleichen.
compare-description-track = Was sich bei jedem Schritt von { $track } ändert
compare-choose-two = Zwei Stufen wählen
compare-from = Von
compare-to = Nach
compare-choose-level = Stufe wählen
compare-comparing = Wird verglichen …
compare-hint = Wählen Sie oben zwei Stufen aus beliebigen Laufbahnen, um zu sehen, was sich zwischen ihnen ändert.
compare-no-js = Vergleiche werden im Browser berechnet und brauchen dafür JavaScript. Ohne JavaScript führt die Seite jeder Stufe alle ihre Erwartungen auf.
compare-steps-track = Jeder Schritt dieser Leiter
compare-steps = Jeder Schritt einer Leiter
compare-step = Vergleichen
compare-level-pages = Jede Stufenseite verlinkt, was sich auf der nächsten Stufe ändert.

## Job-Grades

grades-title = Job-Grades
grades-description = Die Stufe jeder Laufbahn in jedem Job-Grade, nebeneinander.
grades-lead = Die Stufe jeder Laufbahn in jedem Job-Grade der gemeinsamen Skala, nebeneinander.
grades-grade = Job-Grade

## Jahre (Zeit auf der Stufe, Berufserfahrung)

years-exact = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
}
years-open = { $min }+ Jahre
years-range = { $min }–{ $max } Jahre

## Seite nicht gefunden

not-found-title = Seite nicht gefunden
not-found-lead = Diese Seite gibt es nicht, oder sie ist umgezogen, als sich das Rahmenwerk geändert hat.
not-found-home = Zur Startseite
not-found-search = { $home } oder oben die Suche verwenden.

## Die Skripte (Suche, Blättern in der Tabelle, Vergleiche)

js-search-label = Erwartungen, Stufen und Seiten durchsuchen
js-search-placeholder = Suchen  /
js-search-results = Suchergebnisse
js-search = Suchen
js-theme-label = Zwischen hellem und dunklem Modus wechseln
js-theme-title = Hell oder dunkel
js-menu-close-label = Menü schließen
js-menu-close = Schließen
js-link-statement = Link zu dieser Erwartung
js-link-heading = Link zu { $title }
js-open-statement = Diese Erwartung öffnen
js-indicators = Eckdaten
js-pages = Seiten
js-no-results = Keine Treffer für „{ $query }“.
js-try = Versuchen Sie:
js-try-fewer = Versuchen Sie es mit weniger Wörtern oder einem Wortanfang.
js-matrix-range-one = Stufe { $first } von { $count }
js-matrix-range = Stufen { $first }–{ $last } von { $count }
js-matrix-failed = Die Tabelle konnte nicht aufgebaut werden: Die Daten der Website wurden nicht geladen. Die oben verlinkte Seite jeder Stufe führt alle ihre Erwartungen auf.
js-compare-changed = { $n } geändert
js-compare-new = { $n } neu
js-compare-dropped = { $n } auf { $level } nicht wiederholt
js-compare-unchanged = { $n } unverändert
js-fact-changes = Eckdaten, die sich ändern
js-fact = Merkmal
js-before = Vorher
js-after = Nachher
js-change = Änderung
js-not-stated = nicht angegeben
js-label-new = neu
js-label-changed = geändert
js-label-unchanged = unverändert
js-label-dropped = nicht wiederholt
js-folded-dropped = { $n } nicht wiederholt
js-folded-unchanged = { $n } unverändert
js-show-all = Alle anzeigen: { $items }
js-show = Anzeigen: { $items }
js-list-separator = { ", " }
js-choose-level = Stufe wählen
