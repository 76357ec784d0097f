# Die Wörter der Personen-App auf Deutsch: Menüs, Überschriften, Formulare,
# Hinweise. Jede Nachricht des englischen Katalogs muss hier stehen (die
# Tests des Servers prüfen das). Nachrichten mit einer Anzahl wählen ihre
# Form nach der Pluralkategorie.

## Jede Seite

nav-label = Personen-App
nav-home = Meine Stufe
nav-growth = Meine Entwicklung
nav-team = Team
nav-people = Personen
nav-my-team = Mein Team
nav-rollout = Einführung
nav-promotions = Beförderungen
nav-manage = Verwaltung
nav-insights = Bereitschaft
nav-impact = Auswirkungen auf die Leiter
nav-cycles = Zyklen
nav-roster = Personalliste
nav-invitations = Einladungen
nav-audit = Protokoll
nav-framework = Rahmenwerk
nav-account = Konto
sign-out = Abmelden
menu = Menü
back = Zurück
cancel = Abbrechen
save = Speichern
optional-note = Notiz (optional)
acknowledge = Bestätigen

## Anmelden

login-title = Anmelden
login-with = Mit { $provider } anmelden
login-or-password = Oder mit einem Passwort:
login-email = E-Mail
login-password = Passwort
login-button = Anmelden
login-forgot = Passwort vergessen? Bitten Sie eine Administratorin oder einen Administrator um einen Link zum Zurücksetzen.
login-failed = Diese E-Mail-Adresse und dieses Passwort passen zu keinem aktiven Konto.

## Die Kontoseite

account-title = Ihr Konto
account-saved = Gespeichert.
account-signed-in-as = Angemeldet als { $email }.
account-tokens = API-Tokens
account-language-heading = Sprache
account-language-label = Sprache der App
account-language-default = Die Sprache der Organisation ({ $language })
account-language-hint = Menüs, Überschriften und die Aussagen der Leiter erscheinen in dieser Sprache, wo es eine Übersetzung gibt; die Bewertungen bleiben in jeder Sprache dieselben.
account-notify-heading = E-Mails über das, was auf Sie wartet
account-notify-no-email = Dieser Server verschickt noch keine E-Mails; Ihre Startseite zeigt, was auf Sie wartet.
account-notify-legend = Wenn etwas auf Sie wartet (eine Einschätzung, eine zu bestätigende Stufe, ein Termin)
account-notify-event = Jedes Mal eine E-Mail
account-notify-digest = Eine E-Mail am Tag mit allem zusammen
account-notify-off = Keine E-Mails
account-notify-hint = Die E-Mails nennen, was wartet, und verlinken darauf; Notizen oder Bewertungen stehen nie darin.

## Die Startseite

home-reports-to = berichtet an { $manager }
home-waiting = Wartet auf Sie
home-due = fällig am { $date }
home-your-level = Ihre Stufe
home-next = Als Nächstes:
home-what-changes = Was sich auf der nächsten Stufe ändert
home-no-level = Sie haben noch keine Stufe.
home-confirmed = Ihre Stufe in der neuen Leiter ist bestätigt: { $level }
home-confirmed-then = Sobald Sie mit Ihrer Führungskraft darüber gesprochen haben, bestätigen Sie sie hier.
home-acknowledged = Sie haben Ihre Stufe bestätigt
home-not-mapped = Ihre Führungskraft hat Ihre Stufe noch nicht fertig zugeordnet.
home-history = Verlauf
home-history-label = Verlauf der Stufen
home-level = Stufe
home-from = Von
home-until = Bis
home-reason = Grund
home-now = heute
home-needs-review = zu prüfen
home-export = Meine Daten herunterladen (JSON)

## Was auf Sie wartet (Startseite und E-Mails)

todo-shared = Ihre Einschätzung wurde mit Ihnen geteilt: lesen und bestätigen Sie sie
todo-self = Ihre Selbsteinschätzung
todo-review = Ihre Einschätzung von { $name }
todo-acknowledge-level = Ihre Stufe in der neuen Leiter: bitte bestätigen
todo-confirm = { $count ->
    [one] { $count } vorgeschlagene Stufe bestätigen
   *[other] { $count } vorgeschlagene Stufen bestätigen
}

## Aussagen der Leiter in der Sprache der Leserin oder des Lesers

translation-original = Original:
translation-stale = Übersetzung möglicherweise veraltet

## Gemeinsame Wörter

list-separator = { ", " }
sentence-end = .
not-rated = Nicht bewertet
submitted = abgegeben
not-submitted = noch nicht abgegeben
the-manager = die Führungskraft
col-statement = Aussage
col-self = Selbst
col-manager = Führungskraft
state-draft = Entwurf
state-submitted = abgegeben
state-shared = geteilt
state-acknowledged = bestätigt
verdict-met = Erfüllt
verdict-waived = Erlassen
verdict-not-yet = Noch nicht

## Eine Einschätzung

assess-level-gone = diese Stufe gibt es in der Leiter nicht mehr
assess-by = eingeschätzt von { $name }
assess-made-against = erstellt mit Revision { $revision }
assess-growth-page = Entwicklungsseite
assess-printable = Druckversion
assess-download-mine = Meine Bewertungen als Tabelle herunterladen
assess-open-it = öffnen
assess-newer = Es gibt eine neuere Fassung dieser Einschätzung: { $link }. Diese hier bleibt, wie sie war.
assess-the-locked = die gesperrte Einschätzung
assess-revises = Überarbeitet { $link }: { $reason }
carried-heading = Die Leiter hat sich geändert, seit diese Einschätzung erstellt wurde
carried-intro = Die Bewertungen sind ihren Aussagen zur aktuellen Revision gefolgt ({ $revision }):
carried-reworded = { $count } auf umformulierten Aussagen behalten
carried-moved = { $count } verschobenen Aussagen gefolgt
carried-review = { $count } auf geteilten oder zusammengeführten Aussagen, zu prüfen
carried-archived = { $count } auf entfernten Aussagen, unten mit ihrem Wortlaut aufgeführt
carried-new-separator = { "; " }
carried-new = { $count ->
    [one] { $count } Aussage der Stufe, darunter neue, hat noch keine Bewertung
   *[other] { $count } Aussagen der Stufe, darunter neue, haben noch keine Bewertung
}
readiness = Bereitschaft
assess-rule = Die Regel: { $rule }
readiness-by-area = Bereitschaft nach Bereich
readiness-area = Bereich
readiness-met = Erfüllt
readiness-verdict = Ergebnis
readiness-why = Begründung
readiness-met-of = { $met } von { $needed } nötigen
readiness-later = Die Bereitschaft erscheint, sobald die Einschätzung geteilt ist.
assess-your-self = Ihre Selbsteinschätzung
assess-your-of = Ihre Einschätzung von { $name }
assess-rate-hint = Bewerten Sie jede Aussage; ein Kommentar und Belege (Links zu Pull-Requests, Dokumenten, Vorfällen) helfen dem Gespräch.
assess-rate-hint-person = Ihre Führungskraft sieht Ihre Bewertungen, sobald die Einschätzung geteilt ist.
assess-rate-hint-manager = { $name } sieht Ihre Bewertungen, sobald Sie die Einschätzung teilen.
assess-rating = Bewertung
assess-rating-of = Bewertung: { $statement }
assess-comment = Kommentar
assess-evidence = Belege
assess-evidence-placeholder = Links, Dokumente, Vorfälle
assess-save-draft = Entwurf speichern
assess-submit = Abgeben
sheet-summary = Offline ausfüllen
sheet-download = Laden Sie die Tabelle herunter
sheet-how = { $download }, füllen Sie die Spalten { $rating }, { $comment } und { $evidence } in einer Tabellenkalkulation aus, speichern Sie sie als CSV und importieren Sie sie hier. Die Zeilen werden über { $id } zugeordnet; jede Abweichung wird gemeldet, und solange eine Zeile falsch ist, wird nichts gespeichert.
sheet-file = Ausgefüllte Tabelle (CSV)
sheet-import = Importieren
ratings = Bewertungen
ratings-when-shared = Die Bewertungen erscheinen, sobald die Führungskraft die Einschätzung teilt.
ratings-other-side-when-shared = Die Bewertungen der anderen Seite erscheinen, sobald die Einschätzung geteilt ist.
ratings-sides = Selbsteinschätzung: { $own }; die der Führungskraft: { $manager }.
ratings-disagreements = { $count ->
    [one] { $count } Aussage haben { $person } und { $manager } unterschiedlich bewertet.
   *[other] { $count } Aussagen haben { $person } und { $manager } unterschiedlich bewertet.
}
ratings-differ = Bewertungen weichen ab
area-differ = { $count } abweichend
elsewhere-heading = Bewertungen von Aussagen, die nicht mehr zu dieser Stufe gehören
elsewhere-label = Aussagen, die nicht mehr zu dieser Stufe gehören
elsewhere-where = Wo sie jetzt steht
share-hint = Beide Seiten haben abgegeben. Durch das Teilen sieht jede Seite die Bewertungen der anderen.
share-with = Mit { $name } teilen
acknowledge-hint = Die Bestätigung sperrt die Einschätzung; eine spätere Änderung ist eine neue Fassung mit Begründung.
acknowledged = Bestätigt
locked = Gesperrt.
revise-summary = Doch noch ändern
revise-why = Warum sie sich ändert
revise-button = Neue Fassung beginnen
badge-reworded = seit der Bewertung umformuliert
badge-moved = seit der Bewertung verschoben
badge-review = geteilt oder zusammengeführt: prüfen
badge-removed = Aussage entfernt
diff-changed = Seit der Bewertung geänderte Wörter:
diff-added = hinzugefügt:
diff-removed = entfernt:
evidence-label = Belege:

## Die Druckversion einer Einschätzung

print-title = Einschätzung von { $name }
print-heading = { $name }: Einschätzung für { $level }
print-person = Person
print-state = Stand
print-revision = Revision der Leiter
print-carried = Bewertungen übertragen auf { $revision }
print-printed = Gedruckt
print-acknowledgement = Bestätigung

## Die Entwicklungsseite einer Person

growth-of = Entwicklung · { $name }
growth-next = als Nächstes:
growth-what-changes = was sich ändert
growth-assessments = Einschätzungen
growth-opened = Begonnen
growth-revision = Revision
growth-new-version = neue Fassung
growth-no-assessments = Noch keine Einschätzungen.
growth-assess-against = Einschätzen für
growth-next-level = Nächste Stufe: { $level }
growth-current-level = Aktuelle Stufe: { $level }
growth-start-assessment = Einschätzung beginnen
growth-plan = Entwicklungsplan
goal-open = offen
goal-done = erledigt
goal-dropped = verworfen
goal-by = bis { $date }
goal-mark-done = Als erledigt markieren
goal-drop = Verwerfen
goal-reopen = Wieder öffnen
growth-no-goals = Noch keine Ziele.
growth-work-on = An einer Aussage arbeiten
growth-suggested = Vorgeschlagen: die Aussagen der nächsten Stufe, die am niedrigsten bewerteten der letzten geteilten Einschätzung zuerst.
growth-rated = bewertet mit { $rating }
goal-goal = Ziel
goal-actions = Maßnahmen
goal-target-date = Zieldatum
goal-add = Zum Plan hinzufügen
notes-heading = Notizen aus Einzelgesprächen
notes-hint = Nur zwischen { $name } und der Führungskraft geteilt.
notes-note = Notiz
notes-checks-in-on = Bezieht sich auf
notes-no-goal = (kein Ziel)
notes-add = Notiz hinzufügen
notes-removed-author = eine entfernte Person
notes-checks-in-on-goal = bezieht sich auf { $goal }
notes-none = Noch keine Notizen.
timeline = Verlauf
timeline-none = Noch nichts.
event-assessment = Einschätzung
event-placement = Einstufung
event-goal = Ziel
event-note = Notiz

## Personen, Tokens, das Team

people-add = Person hinzufügen
people-import = Personalliste importieren
people-name-or-email = Name oder E-Mail
people-search = Suchen
people-count = { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
people-page = Seite { $page } von { $pages }
people-name = Name
people-job-title = Stellenbezeichnung
people-status = Status
people-active = aktiv
people-inactive = inaktiv
role-employee = Mitarbeiter:in
role-hr = HR
role-admin = Administration
pager-label = Seiten
pager-previous = Zurück
pager-next = Weiter
tokens-new = Ihr neues Token (wird nur einmal angezeigt, kopieren Sie es jetzt): { $token }
tokens-how = Skripte verwenden ein Token als { $header }. Ein Token handelt in Ihrem Namen, im Rahmen seines Geltungsbereichs.
tokens-scope = Geltungsbereich
tokens-scope-impact = impact (nur Summen, für CI)
tokens-scope-scim = scim (nur für die Bereitstellung durch einen Identitätsanbieter)
tokens-create = Token erstellen
tokens-created = Erstellt
tokens-revoked = widerrufen
tokens-revoke = { $name } widerrufen
tokens-revoke-question = Das Token { $name } widerrufen?
tokens-revoke-consequences = Der Widerruf von { $name } (Zugriff { $scope }) stoppt sofort jedes Skript, das es verwendet: Seine Anfragen werden ab jetzt abgelehnt. Das lässt sich nicht rückgängig machen; erstellen Sie ein neues Token, um einem Skript wieder Zugriff zu geben.
team-from = Aus der jeweils letzten geteilten Einschätzung jeder Person.
team-reporting-to = Berichtet an
team-everyone = Alle
team-all-teams = Alle Teams
team-all-levels = Alle Stufen
team-track = Laufbahn
team-all-tracks = Alle Laufbahnen
team-filter = Filtern
team-download = CSV herunterladen
team-shown = { $shown } von { $count } Personen.
team-heatmap = Heatmap des Teams
team-assessed-against = Eingeschätzt für
team-ready = Bereit
team-none-shared = keine geteilt
team-cell-title = { $met } von { $counted } erfüllt; { $needed } nötig
team-cell-hint = Jede Zelle: erfüllte Aussagen von denen, die zählen.
team-nobody = Niemand anzuzeigen.

## Die Seite einer Person

person-goes-by = Rufname { $name }
person-growth = Einschätzungen und Entwicklung
person-none = (keine)
person-start-date = Eintrittsdatum
person-role = Rolle
person-active = Aktiv
yes = ja
no = nein
person-placements = Einstufungen
person-no-placements = Noch keine Einstufungen.
person-new-level = Neue Stufe
person-record-placement = Einstufung erfassen
person-promotion = Beförderung
person-case-for = Einen Fall eröffnen für
person-open-case = Beförderungsfall eröffnen
person-case-hint = Der Fall übernimmt die neueste geteilte Einschätzung für diese Stufe; siehe { $link }.
person-password-link = Passwort-Link erstellen
person-unlink = Anmeldeidentität trennen
person-anonymise = Anonymisieren
person-export = Daten dieser Person exportieren (JSON)

## Ein Passwort wählen

password-your-name = Ihr Name
password-your-email = Ihre E-Mail-Adresse
password-welcome = Willkommen.
password-welcome-name = Willkommen, { $name }.
password-join-as = Wählen Sie ein Passwort, um als { $email } beizutreten.
password-setting = Sie legen das Passwort von { $email } fest.
password-label = Passwort (mindestens 12 Zeichen)
password-setup-title = Die erste Administratorin oder den ersten Administrator anlegen
password-setup-button = Administrator:in anlegen
password-join-title = Beitreten
password-set-title = Ihr Passwort festlegen
password-set-button = Passwort festlegen
password-is-set-title = Passwort festgelegt
password-is-set = Ihr Passwort ist festgelegt. Melden Sie sich jetzt damit an.

## Beförderungen und Rückmeldungen

promo-cases = Fälle
promo-target = Zielstufe
promo-you-are = Ihre Rolle
promo-no-cases = Keine Beförderungsfälle, die Sie lesen können.
promo-how = Eine Führungskraft eröffnet einen Fall auf der Seite der Person, sobald eine Einschätzung für die Zielstufe geteilt ist.
promo-asked = Rückmeldungen, um die Sie gebeten wurden
feedback-on = Rückmeldung zu { $name }
promo-answered = beantwortet
promo-nobody-asked = Niemand hat Sie um eine Rückmeldung gebeten.
promo-sessions = Kalibrierungsrunden
promo-closed = abgeschlossen
promo-no-sessions = Keine Runden.
promo-open-session = Eine Kalibrierungsrunde eröffnen
feedback-considered = { $name } wird für { $target } in Betracht gezogen.
feedback-asked = Sie wurden gebeten, sich bis { $date } zu Folgendem zu äußern:
feedback-in-general = zur Arbeit im Allgemeinen
feedback-answered = Ihre Antwort: { $rating }.
feedback-words = Was Sie beobachtet haben
feedback-send = Rückmeldung senden
feedback-advisory = Ihre Antwort hat beratende Funktion: Die Regel zur Bereitschaft liest die Bewertungen der Führungskraft. Jedes Lesen Ihrer Antwort wird im Protokoll festgehalten.

## Die Einführung einer neuen Leiter

rollout-none = Es läuft keine Einführung.
rollout-name-placeholder = Neue Leiter
rollout-open = Eine Einführung auf diese Leiter beginnen
rollout-skipped = { $count } übersprungen:
rollout-progress = Fortschritt
rollout-col-suggested = Empfohlen
rollout-col-proposed = Vorgeschlagen
rollout-col-confirmed = Bestätigt
rollout-col-acknowledged = Zur Kenntnis genommen
rollout-col-off-ladder = Auf keiner Leiter
rollout-col-done = Erledigt
rollout-col-change = Ändern
rollout-all = Alle
rollout-no-team = Kein Team
rollout-bulk = Für viele Personen auf einmal
rollout-anyone = Beliebig
rollout-any-track = Beliebige Laufbahn
rollout-propose-all = Jede empfohlene Stufe vorschlagen
rollout-propose-all-mine = Jede empfohlene Stufe in meinem Team vorschlagen
rollout-confirm-all = Jede vorgeschlagene Stufe bestätigen
rollout-bulk-hint = Personen ohne Empfehlung, Personen auf keiner Leiter und Stufen, die Sie nicht festlegen dürfen, werden übersprungen und mit Begründung aufgeführt.
rollout-any-status = Beliebiger Status
rollout-status-suggested = empfohlen
rollout-status-proposed = vorgeschlagen
rollout-status-confirmed = bestätigt
rollout-status-acknowledged = zur Kenntnis genommen
rollout-show = Anzeigen
rollout-people-label = Personen in der Einführung
rollout-off-ladder = auf keiner Leiter
rollout-edit = Bearbeiten
rollout-why-suggested = Warum empfohlen: { $reason }
rollout-note = Notiz: { $note }
rollout-level-for = Stufe für { $name }
rollout-choose-level = Stufe wählen
rollout-propose = Vorschlagen
rollout-confirm = { $level } für { $name } bestätigen
rollout-back-on = { $name } wieder auf eine Leiter setzen
rollout-mark-off = { $name } als auf keiner Leiter markieren
rollout-close = Diese Einführung abschließen

## Warum ein Rollout eine Stufe vorschlägt
rollout-reason-separator = { "; " }
rollout-reason-current-level = die jetzige Stufe
rollout-reason-no-title = keine Stellenbezeichnung, an die sich der Vorschlag halten könnte
rollout-reason-off-ladder = als auf keiner Leiter markiert
rollout-reason-title-is-level = Stellenbezeichnung „{ $title }“ ist der Titel dieser Stufe
rollout-reason-title-reads-as = Stellenbezeichnung „{ $title }“ wird als „{ $level }“ gelesen: { $how } (Sicherheit { $confidence })
rollout-reason-not-on-ladder = Stellenbezeichnung „{ $title }“ gehört nicht zu dieser Leiter: { $how }
rollout-reason-cannot-place = Stellenbezeichnung „{ $title }“ lässt sich keiner Stufe zuordnen: { $how }
rollout-reason-check = nicht sicher: prüfen Sie { $levels }
rollout-reason-check-doubts = nicht sicher ({ $doubts }): prüfen Sie { $levels }
rollout-reason-closest = am nächsten: { $levels }
rollout-reason-previous = frühere Stellenbezeichnung „{ $title }“ ist „{ $theirs }“ bei { $company } und entspricht „{ $ours }“ (Ähnlichkeit { $similarity }, Sicherheit { $confidence })
rollout-reason-previous-reads-as = frühere Stellenbezeichnung „{ $title }“ wird bei { $company } als „{ $theirs }“ gelesen und entspricht „{ $ours }“ (Ähnlichkeit { $similarity }, Sicherheit { $confidence })
rollout-reason-seniority = Seniorität (A dort, B hier): { $evidence }
rollout-reason-previous-not-a-level = frühere Stellenbezeichnung „{ $title }“ ist keine Stufe von { $company }

## Ein Beförderungsfall

case-title = { $name }: Beförderung zu { $level }
case-packet-title = Beförderungsunterlagen: { $name }
case-printed = gedruckt am { $date }
case-packet = Druckbare Unterlagen
case-missing = Bevor der Fall eingereicht wird, braucht er: { $missing }.
case-session-closed = Die Kalibrierungsrunde { $name } ist abgeschlossen: Sie nimmt keine Kommentare, Stimmen oder Entscheidungen mehr an.
case-session-move = Ordnen Sie den Fall unten einer anderen Runde zu.
case-write = Den Fall schreiben
case-narrative = Darstellung
case-recommendation = Empfehlung
case-recommendation-heading = Empfehlung der Führungskraft
case-add-evidence = Beleg hinzufügen
case-link = Link
case-what-it-shows = Was er zeigt
case-ask = Eine Kollegin oder einen Kollegen um Rückmeldung bitten
case-colleague = Kolleg:in (E-Mail)
case-about = Worum es geht (Kennungen von Aussagen oder Bereichen)
case-about-placeholder = z. B. craft, delivery
case-due = Fällig
case-ask-button = Bitten
case-submit = Zur Kalibrierung einreichen
case-session = Kalibrierungsrunde
case-put-in-session = Der Runde zuordnen
case-comment-and-vote = Kommentieren und abstimmen
case-comment-label = Kommentar (nur für das Gremium)
case-vote = Stimme
vote-none = keine Stimme
vote-approve = zustimmen
vote-not-now = jetzt nicht
case-comment-button = Kommentieren
case-record-decision = Die Entscheidung festhalten
case-decision-label = Entscheidung
outcome-approved = Angenommen
outcome-not-now = Jetzt nicht
case-reasons = Begründung
case-work-on-label = Woran zu arbeiten ist (bei „jetzt nicht“)
case-effective-from = Gültig ab
case-record = Festhalten
case-mark-told = Als { $name } mitgeteilt markieren
case-mark-effective = Als wirksam markieren
case-current-level = Aktuelle Stufe
case-not-placed = nicht eingestuft
case-time-in-level = Zeit auf der Stufe
case-months = { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
}
case-tenure = übliche Verweildauer der Stufe: { $months }
case-now = jetzt { $revision }
case-decision = Entscheidung: { $decision }
case-work-on = Woran zu arbeiten ist
case-effective = Gültig ab { $date }.
case-peer-feedback = Rückmeldungen aus dem Kollegium
case-answers = { $count ->
    [one] { $count } Antwort, Durchschnitt { $average }
   *[other] { $count } Antworten, Durchschnitt { $average }
}
case-against-manager = gegenüber { $average } der Führungskraft
case-peers-agree = das Kollegium stimmt überein
case-peers-differ = Kollegium und Führungskraft liegen mehr als eine Stufe auseinander
case-a-colleague = Eine Kollegin oder ein Kollege
case-asked-due = angefragt, fällig am { $date }
case-none-asked = Noch niemand angefragt.
case-ratings-against = Bewertungen für { $level }
case-comments = Kommentare und Stimmen des Gremiums
case-someone = Jemand
case-voted = stimmte mit { $vote }
case-no-comments = Noch keine Kommentare.
case-by = von { $name }

## Einschätzungszyklen und Kalibrierungsrunden

cycles-title = Einschätzungszyklen
cycles-open = Einen Zyklus eröffnen
cycles-name-placeholder = z. B. Frühjahrsrunde
cycles-target-next = die nächste Stufe
cycles-target-own = ihre aktuelle Stufe
cycles-only-team = Nur das Team von (E-Mail)
cycles-everyone-when-empty = alle, wenn leer
cycles-self-due = Selbsteinschätzungen fällig
cycles-manager-due = Einschätzungen der Führungskräfte fällig
cycles-open-button = Den Zyklus eröffnen
cycles-hint = Alle aktiven und eingestuften Personen erhalten eine Einschätzung; jede Seite sieht eine Erinnerung in der App, bis ihr Teil erledigt ist. Wer erinnert wurde, wird im Protokoll festgehalten.
cycles-cycle = Zyklus
cycles-against = Für
cycles-shared = Geteilt
cycles-late = Überfällig
cycles-next-level = nächste Stufe
cycles-current-level = aktuelle Stufe
cycles-close = Abschließen
cycles-who = Wer wartet, im Verzug oder außen vor ist
cycles-in = in { $name }
cycles-still-to-do = Noch zu erledigen
cycles-owed-self = Selbsteinschätzung von { $name }
cycles-owed-manager = Einschätzung von { $name } durch { $manager }
cycles-no-manager = keine Führungskraft
cycles-remind = Alle erinnern, die ihren Teil noch erledigen müssen
cycles-nothing-left = Nichts mehr zu erledigen.
cycles-reminded = { $count ->
    [one] { $count }-mal erinnert
   *[other] { $count }-mal erinnert
}
cycles-last-to = zuletzt an { $people }
cycles-left-out = Außen vor
cycles-none = Noch keine Zyklen.
calibrations-title = Kalibrierung
calibrations-open = Eine Runde eröffnen
calibrations-name-placeholder = z. B. Beförderungen im Frühjahr
calibrations-covers = Umfasst
calibrations-covers-placeholder = einen Zyklus, eine Organisation, einen Stufenbereich
calibrations-chair = Vorsitz (E-Mail)
calibrations-members = Gremium (E-Mail-Adressen)
calibrations-open-button = Die Runde eröffnen
calibrations-sessions = Runden
calibrations-none = Noch keine Runden.

## Einladungen und das Rahmenwerk

inv-queued = { $count ->
    [one] { $count } Einladung ist eingereiht; sie wird im Hintergrund per E-Mail verschickt.
   *[other] { $count } Einladungen sind eingereiht; sie werden im Hintergrund per E-Mail verschickt.
}
inv-no-email-links = E-Mail ist nicht eingerichtet: Geben Sie jeder Person ihren Link weiter (er funktioniert einmal, 7 Tage lang; wer ihn hat, kann das Passwort festlegen).
inv-nobody = Niemand wurde eingeladen.
inv-left-to-admin = { $count ->
    [one] { $count } Person hat die Rolle HR oder Administration: Eine Administratorin oder ein Administrator lädt sie ein.
   *[other] { $count } Personen haben die Rolle HR oder Administration: Eine Administratorin oder ein Administrator lädt sie ein.
}
inv-not-joined = { $count ->
    [one] { $count } Person ist noch nicht beigetreten (kein Passwort und keine Anmeldung über den Identitätsanbieter).
   *[other] { $count } Personen sind noch nicht beigetreten (kein Passwort und keine Anmeldung über den Identitätsanbieter).
}
inv-by-email = Einladungen gehen per E-Mail: { $queued } eingereiht, { $sent } verschickt
inv-failed = { $count } fehlgeschlagen
inv-no-email = E-Mail ist nicht eingerichtet, daher zeigt eine Einladung den Link jeder Person zum Weitergeben (wie man E-Mail einrichtet, steht in der Dokumentation des Servers).
inv-everyone = Alle noch nicht Beigetretenen einladen ({ $count })
inv-team = Dieses Team einladen
inv-show-team = Team anzeigen
inv-table-label = Noch nicht beigetretene Personen
inv-invited = Eingeladen
inv-invite = Einladen
inv-times = { $count }-mal
inv-not-yet = noch nicht
inv-resend-to = Erneut an { $name } senden
inv-invite-name = { $name } einladen
fw-errors = Das Rahmenwerk hat Fehler und wurde deshalb nicht geladen; die vorherige Fassung bleibt in Gebrauch.
fw-in-use = In Gebrauch: { $revision }
fw-before-reload = Vor dem Neuladen: was es für die Personen bedeutet
fw-confirm-warning = Durch dieses Neuladen sind Personen nicht mehr bereit. Lesen Sie die Zahlen oben; laden Sie nur neu, wenn das beabsichtigt ist.
fw-confirm = Ich habe die Vorschau gelesen: Personen sind danach nicht mehr bereit
fw-reload = Das Rahmenwerk neu laden
fw-revisions = Verwendete Revisionen
fw-since = seit { $date }

## Das Protokoll und die Bereitschaft nach Stufe

audit-title = Protokoll
audit-broken = Die Kette ist unterbrochen: { $problem }
audit-intact = Die Kette aus { $count } Einträgen ist unversehrt.
audit-export = Exportieren (JSON)
audit-export-these = Diese Einträge exportieren (JSON)
audit-filter-label = Das Protokoll filtern
audit-who = Wer
audit-anyone = beliebig
audit-what = Was
audit-anything = beliebig
audit-every = jede Aktion zu { $kind }
audit-subject-label = Betreff (Name oder E-Mail einer Person, oder wie festgehalten: { $example })
audit-to = Bis
audit-show-everything = Alles anzeigen
audit-none = Keine Einträge.
audit-none-match = Keine Einträge passen zu diesen Filtern.
audit-when = Wann (UTC)
audit-subject = Betreff
audit-only-about = Nur Einträge zu { $subject }
audit-only-this = nur dieser
audit-cleared = geleert
audit-older = Ältere Einträge
insights-title = Bereitschaft nach Stufe
insights-sub = Je Laufbahn und Stufe, aus der jeweils letzten geteilten Einschätzung jeder Person. Keine Namen; eine Gruppe mit weniger als { $count } Personen zeigt keine Zahlen (die Gruppenschwelle, { $setting }).
insights-all-hidden = Jede Stufe hat weniger als { $count } Personen, daher werden keine Zahlen angezeigt. In einem kleinen Unternehmen senken Sie { $key } in der Tabelle { $table } der Datei { $file } der Leiter (etwa auf 3: Die Zahlen bleiben ohne Namen, aber die einer kleinen Gruppe sind leichter zu erraten) und laden das Rahmenwerk dann neu.
insights-hidden = { $count ->
    [one] { $count } Stufe ist ausgeblendet: weniger als { $smallest } Personen.
   *[other] { $count } Stufen sind ausgeblendet: weniger als { $smallest } Personen.
}
insights-assessed = Eingeschätzt
insights-fewer-than = weniger als { $count } Personen

## Eine Kalibrierungsrunde

calibration-title = Kalibrierung: { $name }
calibration-chair = Vorsitz: { $name }.
calibration-none = keiner
calibration-committee = Gremium: { $names }.
calibration-no-quorum = Das Gremium ist kleiner, als die Regeln verlangen.
calibration-closed-on = Abgeschlossen am { $date }: Die Runde nimmt keine Kommentare, Stimmen oder Entscheidungen mehr an.
calibration-cases = Fälle nebeneinander
calibration-target = Ziel
calibration-manager-avg = Ø Führungskraft
calibration-self-gap = Selbst − Führungskraft
calibration-months = Monate auf der Stufe
calibration-peers = Kollegium
calibration-votes = Stimmen
calibration-ladder-changed = Leiter geändert
calibration-no-assessment = Keine Einschätzung
calibration-vote-count = { $yes } dafür, { $later } jetzt nicht
calibration-no-cases = Noch keine Fälle in dieser Runde: HR ordnet eingereichte Fälle auf der Seite des jeweiligen Falls zu.
calibration-by-manager = Bewertungen nach Führungskraft
calibration-by-manager-hint = Die Bewertungen jeder Führungskraft für die Zielstufen ihrer Fälle im Vergleich zur Gruppe (Durchschnitt { $average }). Eine Führungskraft, deren Durchschnitt um mehr als { $steps } Stufen abweicht, wird markiert.
calibration-average = Durchschnitt
calibration-against-group = Im Vergleich zur Gruppe
calibration-flagged = markiert
calibration-group = Gruppe
calibration-distribution = Verteilung nach Stufe
calibration-fewer = weniger als { $count }: keine Zahlen
calibration-close = Die Runde abschließen
calibration-close-hint = Sobald jeder Fall entschieden ist, schließen Sie die Runde ab: Danach nimmt sie keine Kommentare, Stimmen oder Entscheidungen mehr an.

## Was ein Neuladen bewirkt, und der Zustand der Aussagen

impact-title = Auswirkungen auf die Leiter und Zustand der Aussagen
impact-if-reloaded = Wenn das Rahmenwerk jetzt neu geladen würde
impact-health = Zustand der Aussagen
impact-health-hint = Je Aussage, aus der jeweils letzten geteilten Einschätzung jeder Person. Eine Aussage, die für weniger als { $count } Personen bewertet wurde, zeigt keine Zahlen.
impact-export = Export:
impact-not-applicable = Nicht zutreffend
impact-manager-spread = Streuung der Führungskräfte
impact-suggestions = Hinweise
impact-disk-errors = Das Rahmenwerk auf der Festplatte hat Fehler: Ein Neuladen würde abgelehnt.
impact-from-to = Von { $old } (in Gebrauch) zu { $new } (auf der Festplatte)
impact-same = : dieselbe Revision
impact-over-allowed = Über den Grenzen in { $table }, erlaubt durch eine Notiz: { $note }
impact-over = Über den Grenzen in { $table }:
impact-readiness = Bereitschaft:
impact-ready-counts = { $become } werden bereit, { $stop } sind nicht mehr bereit
impact-not-counting = { $count ->
    [one] ohne { $count } Stufe mit weniger als { $smallest } eingeschätzten Personen
   *[other] ohne { $count } Stufen mit weniger als { $smallest } eingeschätzten Personen
}
impact-rule-changed = Die Beförderungsregel oder die Bewertungsskala hat sich geändert: Jede Stufe wird neu beurteilt.
impact-statements-changed = Geänderte Aussagen
impact-ready-before = Bereit vorher
impact-ready-after = Bereit nachher
impact-become-ready = Werden bereit
impact-stop-being-ready = Nicht mehr bereit
impact-removed = entfernt
impact-fewer-assessed = weniger als { $count } eingeschätzte Personen
impact-statements = Aussagen:
impact-statement-counts = { $reworded } umformuliert, { $moved } verschoben, { $split } geteilt, { $merged } zusammengeführt, { $removed } entfernt, { $added } hinzugefügt.
impact-rating-counts = { $reworded } folgen umformulierten Aussagen, { $moved } verschobenen, { $split } einer geteilten und { $merged } einer zusammengeführten (zur Prüfung), { $archived } zählen nicht mehr.
impact-placed-removed = Eingestuft auf der entfernten Stufe { $level }:
impact-open-work = { $assessments } offene Einschätzungen auf geänderten Stufen; { $goals } offene Entwicklungsziele auf geänderten Aussagen.
impact-people-changing = Personen, deren Bereitschaft sich ändert
impact-becomes-ready = wird bereit
impact-stops-being-ready = ist nicht mehr bereit
impact-markdown = Als Markdown (für einen Pull-Request)

## Eine Personalliste importieren

roster-intro = Laden Sie den Export Ihres HR-Systems unverändert hoch (BambooHR, HiBob, Personio, Workday, Rippling oder jede CSV-Datei mit Kopfzeile). Der erste Durchlauf ist ein Probelauf: Er zeigt, wie jede Spalte gelesen wird, und alle Probleme auf einmal, und schreibt nichts. Personen werden über die E-Mail-Adresse zugeordnet; solange eine Zeile falsch ist, wird nichts geschrieben.
roster-using = Verwendet wird { $file }
roster-replace = Wählen Sie nur dann eine andere Datei, wenn Sie sie ersetzen wollen.
roster-too-big = Die Datei ist zu groß, um sie zwischen den Durchläufen zu behalten: Wählen Sie sie erneut.
roster-file = CSV-Datei
roster-how-reads = Wie die Datei gelesen wird
roster-looks-like = Sieht aus wie ein Export aus { $system }.
roster-read-as = Gelesen als { $encoding }; { $people }; Datumsangaben { $dates }.
roster-check-columns = Prüfen Sie die Spalte jedes Feldes an der Zelle der ersten Person; ändern Sie eine Spalte, wenn die Vermutung falsch ist. Ihre Wahl bleibt für den nächsten Durchlauf erhalten.
roster-columns-label = Wie die Spalten gelesen werden
roster-field = Feld
roster-column = Spalte in der Datei
roster-first-person = Erste Person
roster-find-by-heading = (über die Überschrift finden)
roster-not-used = (nicht verwendet)
roster-dates-like = Datumsangaben wie 3/4/2017 sind
roster-dates-auto = von der Datei bestimmt (nachfragen, wenn es nicht eindeutig ist)
roster-dates-month-first = Monat zuerst: 4. März (USA)
roster-dates-day-first = Tag zuerst: 3. April (Großbritannien, Europa)
roster-deactivate = Personen, die nicht in der Datei stehen, auf inaktiv setzen
roster-dry-run = Probelauf: zeigen, was sich ändern würde, nichts schreiben
roster-run-again = Erneut ausführen
roster-nothing-imported = Nichts wurde importiert
roster-problems = { $count ->
    [one] { $count } Problem, nach Zeile der Tabelle (die Kopfzeile ist Zeile 1):
   *[other] { $count } Probleme, nach Zeile der Tabelle (die Kopfzeile ist Zeile 1):
}
roster-problems-label = Probleme
roster-row = Zeile
roster-column-short = Spalte
roster-problem = Problem

## Probleme einer Personalliste
roster-problem-encoding = Die Datei ist kein lesbarer { $encoding }-Text: Exportieren Sie sie als „CSV UTF-8“
roster-problem-header = Die Kopfzeile ist nicht lesbar: { $error }
roster-problem-cells = Die Zeile hat { $cells } Zellen, die Kopfzeile aber { $header }: kein gültiges CSV
roster-problem-csv = Kein gültiges CSV: { $error }
roster-problem-no-email = Keine E-Mail-Spalte (nennen Sie sie `email` oder `work email`, oder wählen Sie eine)
roster-problem-no-name = Keine Namensspalte (`first name` und `last name`, oder `name`)
roster-problem-track-and-level = Geben Sie sowohl eine Laufbahn- als auch eine Stufenspalte an, oder keine von beiden
roster-problem-no-people = Die Datei hat eine Kopfzeile, aber keine Personen
roster-problem-no-manager = Niemand in dieser Datei oder bereits in rungs hat die E-Mail, Personalnummer oder den Namen `{ $cell }`
roster-problem-managers = `{ $cell }` könnte { $count } Personen meinen: { $who }; nennen Sie die Führungskraft per E-Mail oder Personalnummer
roster-problem-track-and-level-row = Geben Sie sowohl eine Laufbahn als auch eine Stufe an, oder keins von beiden
roster-problem-duplicate = { $email } steht auch in Zeile { $row }
roster-problem-privileged = { $email } hat die Rolle { $role }: Nur eine Administratorin oder ein Administrator kann diese Person ändern
roster-problem-own-manager = { $email } kann nicht die eigene Führungskraft sein
roster-problem-unknown-manager = Die Führungskraft { $manager } steht weder in dieser Datei noch ist sie schon bekannt
roster-problem-circle = Die Berichtslinien laufen im Kreis über { $email }
roster-problem-dates-mixed = Die Daten mischen Tag zuerst (`{ $day_first }`, Zeile { $day_row }) und Monat zuerst (`{ $month_first }`, Zeile { $month_row }): Schreiben Sie sie einheitlich
roster-problem-dates-open = `{ $cell }` kann Tag zuerst oder Monat zuerst sein, und kein Datum der Datei entscheidet es: Wählen Sie das Datumsformat (Monat zuerst wie in den USA, oder Tag zuerst)
roster-problem-date = `{ $cell }` ist kein Datum (JJJJ-MM-TT, M/T/JJJJ, T/M/JJJJ oder TT.MM.JJJJ)
roster-problem-date-not-iso = `{ $cell }` ist kein Datum (schreiben Sie JJJJ-MM-TT)
roster-problem-date-short-year = `{ $cell }` hat eine zweistellige Jahreszahl: Geben Sie das Jahr vollständig an
roster-problem-date-month = `{ $cell }` ist kein Datum: Es gibt keinen Monat { $month }
roster-problem-date-day = `{ $cell }` ist kein Datum: Der { $month_name } { $year } hat keinen { $day }. Tag
# A month by its number, for the message above.
roster-month-1 = Januar
roster-month-2 = Februar
roster-month-3 = März
roster-month-4 = April
roster-month-5 = Mai
roster-month-6 = Juni
roster-month-7 = Juli
roster-month-8 = August
roster-month-9 = September
roster-month-10 = Oktober
roster-month-11 = November
roster-month-12 = Dezember
roster-problem-row-no-name = Kein Name
roster-problem-row-no-email = Keine E-Mail
roster-problem-email = `{ $email }` ist keine E-Mail-Adresse
roster-problem-status = `{ $value }` sagt nicht, ob die Person hier arbeitet (aktiv oder ausgeschieden)
roster-problem-level = `{ $level }` ist keine Stufe dieser Karriereleiter
roster-problem-no-column = Keine Spalte `{ $column }` für { $field }
roster-note-status-unused = `{ $column }` wird nicht verwendet: Die Werte sagen, wie jemand beschäftigt ist, nicht ob die Person noch hier arbeitet
roster-imported = Importiert
roster-dry-run-heading = Probelauf: noch nichts geschrieben
roster-plan = { $add } hinzuzufügen · { $change } zu ändern · { $deactivate } zu deaktivieren · { $unchanged } unverändert
roster-kind-added = Hinzugefügt
roster-kind-changed = Geändert
roster-kind-deactivated = Deaktiviert
roster-more = … und { $count } weitere
roster-titles = Stellenbezeichnungen auf dieser Leiter
roster-titles-hint = Was eine Einführung für die Personen mit der jeweiligen Bezeichnung empfehlen würde. Mit „prüfen“ markierte Bezeichnungen sind unsicher; geben Sie der Leiter einen Alias (siehe docs/map.md), um eine dauerhaft festzulegen.
roster-titles-label = Stellenbezeichnungen
roster-reads-as = Gelesen als
roster-check = prüfen
roster-more-titles = … und { $count } weitere Bezeichnungen.

## Die Felder der Personalliste, wie ihre Daten gelesen werden, und was ein Import ändert
roster-field-email = Geschäftliche E-Mail
roster-field-employee_number = Personalnummer
roster-field-first_name = Vorname (amtlich)
roster-field-last_name = Nachname (amtlich)
roster-field-name = Vollständiger Name (wenn es keinen Vor- und Nachnamen gibt)
roster-field-display_name = Rufname (neben dem amtlichen Namen gezeigt)
roster-field-job_title = Stellenbezeichnung
roster-field-team = Team
roster-field-manager_email = Führungskraft (E-Mail, Personalnummer oder vollständiger Name)
roster-field-start_date = Eintrittsdatum
roster-field-active = Aktiv oder nicht (Beschäftigungsstatus)
roster-field-track = Laufbahn
roster-field-level = Stufe
roster-field-previous_title = Stellenbezeichnung beim vorigen Unternehmen
roster-dates-read-auto = nach der Datei entschieden
roster-dates-read-month_first = Monat zuerst (M/T/JJJJ)
roster-dates-read-day_first = Tag zuerst (T/M/JJJJ)
roster-changed-active = aktiv
roster-changed-display-name = Rufname
roster-changed-employee-number = Personalnummer
roster-changed-job-title = Stellenbezeichnung
roster-changed-level = Stufe
roster-changed-manager = Führungskraft
roster-changed-name = Name
roster-changed-previous-title = frühere Stellenbezeichnung
roster-changed-start-date = Eintrittsdatum
roster-changed-team = Team

## Warum eine Einstufung begann

reason-hire = Einstellung
reason-rollout = Einführung
reason-promotion = Beförderung
reason-correction = Korrektur

## Nach dem Absenden eines Formulars

flash-submitted = Abgegeben.
flash-saved = Gespeichert ({ $count } geändert).

## Der Verlauf einer Person

event-assessment-text = Einschätzung für { $level }: { $state }
event-placement-text = Eingestuft auf { $level } ab { $date } ({ $reason })
event-goal-text = Ziel ({ $status }): { $goal }
event-note-text = Notiz aus einem Einzelgespräch

## E-Mails über das, was wartet

mail-hello = Hallo { $name },
mail-notice-footer =
    Sie erhalten für jede neue Sache, die auf Sie wartet, eine E-Mail. Um
    stattdessen eine am Tag oder keine zu erhalten, ändern Sie das auf Ihrer
    Kontoseite: { $account }
mail-digest-subject = { $count ->
    [one] { $site }: { $count } Sache wartet auf Sie
   *[other] { $site }: { $count } Sachen warten auf Sie
}
mail-waiting = Wartet auf Sie:
mail-digest-footer =
    Diese Liste steht auch auf Ihrer Startseite: { $home }
    Um stattdessen für jede neue Sache eine E-Mail oder gar keine zu erhalten,
    ändern Sie das auf Ihrer Kontoseite: { $account }

## Bereitschaft und die Beförderungsregel

rule-every-statement = jede Aussage
rule-share = { $percent } % der Aussagen
rule-count = { $count ->
    [one] { $count } Aussage
   *[other] { $count } Aussagen
}
rule-in-each-area = In jedem Bereich { $what } { $by } mit „{ $threshold }“ oder höher bewertet
rule-by-both = von der Person und ihrer Führungskraft
rule-by-manager = von der Führungskraft
rule-waivable = diese Bereiche können erlassen werden: { $areas }
rule-months = { $count ->
    [one] mindestens { $count } Monat auf der aktuellen Stufe
   *[other] mindestens { $count } Monate auf der aktuellen Stufe
}
rule-tenure = mindestens die übliche Verweildauer der aktuellen Stufe
ready-area-reason = { $met } von { $counted } Aussagen mit „{ $threshold }“ oder höher; die Regel verlangt { $needed }
ready-area-unrated = { " " }({ $count } noch nicht bewertet)
ready-area-waivable = dieser Bereich kann erlassen werden
ready-time = { $months } Monate auf der aktuellen Stufe; die Regel verlangt { $need }
ready-time-unknown = die Zeit auf der aktuellen Stufe ist unbekannt (keine Einstufung); die Regel verlangt { $need } Monate
ready-summary-empty = Die Stufe hat keine Aussagen zum Einschätzen.
ready-summary-ready = Bereit: Jeder Bereich erfüllt die Regel.
ready-summary-ready-time = Bereit: Jeder Bereich erfüllt die Regel, und die Zeit auf der aktuellen Stufe ist erreicht.
ready-not-met-in = noch nicht erfüllt in { $areas }
ready-not-long-enough = noch nicht lange genug auf der aktuellen Stufe
ready-summary-not-yet = Noch nicht bereit: { $reasons }.

## Confirmation pages of destructive actions
confirm-close-button = { $name } schließen
confirm-rollout-close-question = Den Rollout { $name } schließen?
confirm-rollout-close-ends = Das Schließen beendet { $name }: Niemand kann darin noch eine Stufe vorschlagen, bestätigen oder zur Kenntnis nehmen. Seine Einträge bleiben lesbar erhalten, und ein geschlossener Rollout lässt sich nicht wieder öffnen.
confirm-rollout-close-open = { $count ->
    [one] 1 Person hat
   *[other] { $count } Personen haben
} darin noch keine bestätigte Stufe.
confirm-cycle-close-question = Den Zyklus { $name } schließen?
confirm-cycle-close-stops = Das Schließen von { $name } beendet seine Erinnerungen und nimmt ihn von allen Startseiten; seine Einschätzungen bleiben, wie sie sind. Ein geschlossener Zyklus lässt sich nicht wieder öffnen.
confirm-cycle-close-unshared = { $unshared } von { $total ->
    [one] 1 Einschätzung ist
   *[other] { $total } Einschätzungen sind
} noch nicht geteilt.
confirm-session-close-question = Die Sitzung { $name } schließen?
confirm-session-close-ends = Das Schließen beendet { $name }: Das Gremium kann die Fälle weiterhin lesen, aber es gibt darin keine Kommentare, Stimmen oder Entscheidungen mehr. Eine geschlossene Sitzung lässt sich nicht wieder öffnen.
confirm-session-close-cases = Sie enthält { $count ->
    [one] 1 Fall
   *[other] { $count } Fälle
}, davon { $decided } entschieden. { $undecided ->
    [0] Bereits getroffene Entscheidungen gehen wie gewohnt weiter: Führungskräfte informieren die Personen, HR setzt sie in Kraft.
    [one] 1 Fall ohne Entscheidung wartet in der Kalibrierung, bis HR ihn einer anderen Sitzung zuordnet.
   *[other] { $undecided } Fälle ohne Entscheidung warten in der Kalibrierung, bis HR sie einer anderen Sitzung zuordnet.
}
confirm-deactivate-question = { $name } deaktivieren?
confirm-deactivate-signs-out = Das Deaktivieren meldet { $name } überall sofort ab: Sitzungen und API-Tokens funktionieren nicht mehr, und eine Anmeldung ist nicht mehr möglich.
confirm-deactivate-reports = { $count ->
    [one] 1 Person berichtet
   *[other] { $count } Personen berichten
} noch an { $name }: Geben Sie ihnen eine andere Führungskraft, damit ihre Einschätzungen und Entwicklungspläne weiter gelesen werden.
confirm-deactivate-kept = Einstufungen, Einschätzungen und Verlauf bleiben erhalten. Sie können die Person später wieder aktivieren; sie braucht dann einen neuen Anmeldelink.
confirm-deactivate-button = { $name } deaktivieren
confirm-anonymise-question = { $name } anonymisieren?
confirm-anonymise-removes = Das Anonymisieren von { $name } entfernt Name, E-Mail-Adresse, Berufsbezeichnung und Eintrittsdatum, die über die Person geschriebenen Notizen, Kommentare, Nachweise und Ziele sowie jede Möglichkeit, sich als sie anzumelden (Sitzungen, API-Tokens, Links).
confirm-anonymise-final = Das lässt sich nicht rückgängig machen. Ihre Einstufungen zählen weiter in den Zahlen je Stufe, und { $count ->
    [one] 1 Einschätzung bleibt
   *[other] { $count } Einschätzungen bleiben
} ohne Namen erhalten.
confirm-anonymise-button = { $name } anonymisieren

## Notices after an action
rollout-bulk-proposed = Vorgeschlagen
rollout-bulk-confirmed = Bestätigt
bulk-skip-off-ladder = auf keiner Leiter
bulk-skip-no-suggestion = keine vorgeschlagene Stufe: bitte von Hand vorschlagen
bulk-skip-gone = die vorgeschlagene Stufe `{ $level }` gibt es auf der Leiter nicht mehr
bulk-skip-own-proposed = Ihre eigene Stufe schlägt Ihre Führungskraft oder HR vor
bulk-skip-own-confirmed = Ihre eigene Stufe bestätigt jemand anderes
bulk-skip-role-confirmed = die Stufe von jemandem mit einer Rolle (HR oder Administration) bestätigt eine Administratorin oder ein Administrator
bulk-skip-not-yours = nicht jemand, dessen Stufe Sie vorschlagen
bulk-skip-own-decided = über Ihre eigene Stufe entscheidet jemand anderes
bulk-skip-role-decided = über die Stufe von jemandem mit einer Rolle (HR oder Administration) entscheidet eine Administratorin oder ein Administrator
flash-cycle-opened = Zyklus eröffnet: { $count ->
    [one] 1 Einschätzung
   *[other] { $count } Einschätzungen
}.
flash-cycle-left-out = { $count ->
    [one] 1 Person wurde
   *[other] { $count } Personen wurden
} ausgelassen: wer und warum, steht unten.
flash-cycle-reminded = Erinnerung für { $count ->
    [one] 1 Person
   *[other] { $count } Personen
} erfasst; alle sehen sie auf ihrer Startseite.
flash-cycle-emailed = Per E-Mail an { $count ->
    [one] 1 Person
   *[other] { $count } Personen
} geschickt.
flash-sheet-imported = { $rows ->
    [one] 1 Zeile
   *[other] { $rows } Zeilen
} importiert: { $changed ->
    [one] 1 Bewertung
   *[other] { $changed } Bewertungen
} geändert.
flash-sheet-missing = Nicht im Bogen, unverändert gelassen: { $ids }.
flash-sheet-reworded = Im Bogen anders formuliert als jetzt auf der Leiter (bewertet gegen den Wortlaut der Leiter): { $ids }.
password-link-title = Passwort-Link
password-link-text = Schicken Sie der Person diesen Link; er funktioniert einmal, 24 Stunden lang. Wer ihn hat, kann das Passwort setzen.
anonymised-title = Anonymisiert
anonymised-text = Name, E-Mail-Adresse, Berufsbezeichnung und Notizen sind entfernt; die Einstufungen zählen weiter mit.

## The error page
error-title = { $status ->
    [400] Ungültige Anfrage
    [401] Nicht angemeldet
    [403] Kein Zugriff
    [404] Nicht gefunden
    [409] Konflikt
    [422] Nicht verwendbar
    [429] Zu viele Versuche
    [500] Serverfehler
   *[other] Fehler
}
error-explain = { $status ->
    [404] Das gibt es nicht, oder Sie können es nicht sehen.
    [409] Eine andere Änderung kam zuerst, oder der Wert ist schon vergeben.
    [422] Was gesendet wurde, lässt sich so nicht verwenden.
   *[other] Diese Anfrage lässt sich nicht bearbeiten.
}
error-sign-in = Bitte melden Sie sich zuerst an.
error-forbidden = Sie haben darauf keinen Zugriff.
error-too-many = Zu viele Versuche: Warten Sie ein paar Minuten und versuchen Sie es erneut.
error-internal = Auf dem Server ist etwas schiefgegangen; der Fehler wurde protokolliert.
error-back = Zurück zur App

## Invitations and cycle reminders
mail-invite-subject = Einladung zu { $site }
mail-invite-intro =
    Sie sind zu { $site } eingeladen. Dort sehen Sie Ihre Stufe, was die nächste verlangt,
    und Ihre Einschätzungen.
mail-invite-join = Treten Sie bei, indem Sie hier ein Passwort wählen (der Link funktioniert einmal, 7 Tage lang):
mail-invite-ignore = Wenn Sie das nicht erwartet haben, können Sie diese E-Mail ignorieren.
mail-reminder-subject = { $site }: Erinnerung an { $cycle }
mail-reminder-intro = Zur Erinnerung: In { $cycle } steht von Ihnen noch aus
mail-reminder-self = Ihre Selbsteinschätzung
mail-reminder-of = Ihre Einschätzung von { $name }
mail-reminder-due = , fällig am { $date }
mail-reminder-due-late = , fällig am { $date } (überfällig)
mail-reminder-home = Was auf Sie wartet, steht auch auf Ihrer Startseite: { $home }

## Common form errors (each the English sentence itself)
form-choose-level = Wählen Sie eine Stufe für den Vorschlag.
form-choose-file = Wählen Sie eine Datei zum Importieren.
form-choose-csv = Wählen Sie eine CSV-Datei.
form-say-what-you-saw = Beschreiben Sie in Worten, was Sie beobachtet haben.
form-say-what-to-work-on = Sagen Sie, woran gearbeitet werden soll.
form-name-session = Geben Sie der Kalibrierungssitzung einen Namen.
form-rollout-closed = Dieser Rollout ist geschlossen.
form-cycle-closed = Dieser Zyklus ist geschlossen.
form-password-short = Ein Passwort braucht mindestens 12 Zeichen.
form-account-choose = Wählen Sie eine Sprache oder, wie Sie von wartenden Aufgaben erfahren möchten.
form-nobody-to-remind = In diesem Zyklus steht bei niemandem etwas aus: Es gibt niemanden zu erinnern.
form-ratings-submitted = Diese Bewertungen sind abgegeben; sie lassen sich nicht mehr ändern.
form-case-decided = Der Fall ist entschieden: Feedback ist geschlossen.
form-anonymise-yourself = Sie können sich nicht selbst anonymisieren.
form-off-ladder = Diese Person ist als „auf keiner Leiter“ markiert: Setzen Sie sie zuerst wieder auf eine.
form-kept-damaged = Die aufbewahrte Datei ist beschädigt: Wählen Sie die Datei erneut.
form-not-a-date = { $filter }: `{ $day }` ist kein Datum (JJJJ-MM-TT)
form-not-a-statement = `{ $key }` ist keine Aussage der Leiter
form-not-a-level = `{ $level }` ist keine Stufe dieser Leiter
form-upload-too-large = Die hochgeladene Datei ist größer als { $mib } MiB oder kam zu langsam an
form-too-large = Das Formular ist größer als { $kib } KiB
form-assessment-level-gone = Die Leiter hat die Stufe `{ $level }` nicht mehr; diese Einschätzung kann nicht mehr bewertet werden
form-assessment-state = Nicht möglich, solange die Einschätzung { $state } ist
form-nobody-has-email = Niemand hat die E-Mail `{ $email }`
form-sheet-not-utf8 = Die Tabelle ist kein UTF-8-Text (Byte { $byte }); speichern Sie sie als „CSV UTF-8“
form-sheet-header = Die erste Zeile der Tabelle ist nicht lesbar: { $error }
form-inactive-no-assessment = { $name } ist nicht mehr aktiv: Es wird keine neue Einschätzung eröffnet
form-inactive-no-case = { $name } ist nicht mehr aktiv: Es wird kein Fall eröffnet
form-already-at-level = { $name } ist bereits auf `{ $level }`
form-case-text-too-long = { $part }: mehr als 20.000 Zeichen
form-not-a-link = `{ $url }` ist kein Link (https://…)
form-no-colleague = `{ $who }` ist keine aktive Kollegin und kein aktiver Kollege
form-committee-too-small = Das Gremium hat { $members } Mitglieder; [promotions] committee_size verlangt { $size }
form-level-gone = `{ $level }` ist keine Stufe der Leiter mehr
form-session-closed = Die Kalibrierungsrunde { $name } ist bereits geschlossen
form-invite-inactive = { $name } ist nicht aktiv
form-invite-joined = { $name } ist bereits beigetreten
