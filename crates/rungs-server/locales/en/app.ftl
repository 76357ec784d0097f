# The people app's own words in English: menus, headings, forms, hints.
# Every message here must be in the German and Japanese catalogues too (the
# server's tests check that), and every id a template asks for must be here.
# Messages with a count choose their words by plural category.

## Every page

nav-label = People app
nav-home = My level
nav-growth = My growth
nav-team = Team
nav-people = People
nav-my-team = My team
nav-rollout = Rollout
nav-promotions = Promotions
nav-manage = Manage
nav-insights = Readiness
nav-impact = Ladder impact
nav-cycles = Cycles
nav-roster = Roster
nav-invitations = Invitations
nav-audit = Audit
nav-framework = Framework
nav-account = Account
sign-out = Sign out
menu = Menu
back = Back
cancel = Cancel
save = Save
optional-note = Note (optional)
acknowledge = Acknowledge

## Signing in

login-title = Sign in
login-with = Sign in with { $provider }
login-or-password = Or with a password:
login-email = Email
login-password = Password
login-button = Sign in
login-forgot = Forgot your password? Ask an administrator for a reset link.
login-failed = That email and password do not match an active account.

## The account page

account-title = Your account
account-saved = Saved.
account-signed-in-as = Signed in as { $email }.
account-tokens = API tokens
account-language-heading = Language
account-language-label = The app's language
account-language-default = The organisation's language ({ $language })
account-language-hint = Menus, headings and the ladder's statements show in this language where a translation exists; ratings stay the same whatever the language.
account-notify-heading = Email about what waits for you
account-notify-no-email = This server sends no email yet; your home page lists what waits for you.
account-notify-legend = When something waits for you (an assessment, a level to acknowledge, a due date)
account-notify-event = An email each time
account-notify-digest = One email a day, listing everything
account-notify-off = No email
account-notify-hint = Emails name what waits and link to it; they never contain notes or ratings.

## The home page

home-reports-to = reports to { $manager }
home-waiting = Waiting for you
home-due = due { $date }
home-your-level = Your level
home-next = Next:
home-what-changes = What changes at the next level
home-no-level = You have no level yet.
home-confirmed = Your level in the new ladder is confirmed: { $level }
home-confirmed-then = Once you have talked it through with your manager, acknowledge it here.
home-acknowledged = You acknowledged your level
home-not-mapped = Your manager has not finished mapping your level yet.
home-history = History
home-history-label = Level history
home-level = Level
home-from = From
home-until = Until
home-reason = Reason
home-now = now
home-needs-review = needs review
home-export = Download my data (JSON)

## What waits for you (home page and emails)

todo-shared = Your assessment, shared with you: read and acknowledge it
todo-self = Your self-assessment
todo-review = Your assessment of { $name }
todo-acknowledge-level = Your level in the new ladder: acknowledge it
todo-confirm = { $count ->
    [one] Confirm { $count } proposed level
   *[other] Confirm { $count } proposed levels
}

## Statements of the ladder in the viewer's language

translation-original = Original:
translation-stale = translation may be outdated

## Shared words

list-separator = { ", " }
sentence-end = .
not-rated = Not rated
submitted = submitted
not-submitted = not submitted yet
the-manager = the manager
col-statement = Statement
col-self = Self
col-manager = Manager
state-draft = draft
state-submitted = submitted
state-shared = shared
state-acknowledged = acknowledged
verdict-met = Met
verdict-waived = Waived
verdict-not-yet = Not yet

## An assessment

assess-level-gone = this level is no longer on the ladder
assess-by = assessed by { $name }
assess-made-against = made against revision { $revision }
assess-growth-page = Growth page
assess-printable = Printable version
assess-download-mine = Download my ratings as a sheet
assess-open-it = open it
assess-newer = A newer version of this assessment exists: { $link }. This one stays as it was.
assess-the-locked = the locked assessment
assess-revises = Revises { $link }: { $reason }
carried-heading = The ladder changed since this assessment was made
carried-intro = Ratings followed their statements to the current revision ({ $revision }):
carried-reworded = { $count } kept on reworded statements
carried-moved = { $count } followed moved statements
carried-review = { $count } on split or merged statements to review
carried-archived = { $count } on removed statements kept below with their words
carried-new-separator = { "; " }
carried-new = { $count ->
    [one] { $count } statement of the level, new ones among them, has no rating yet
   *[other] { $count } statements of the level, new ones among them, have no rating yet
}
readiness = Readiness
assess-rule = The rule: { $rule }
readiness-by-area = Readiness by area
readiness-area = Area
readiness-met = Met
readiness-verdict = Verdict
readiness-why = Why
readiness-met-of = { $met } of { $needed } needed
readiness-later = Readiness shows once the assessment is shared.
assess-your-self = Your self-assessment
assess-your-of = Your assessment of { $name }
assess-rate-hint = Rate each statement; a comment and evidence (links to pull requests, documents, incidents) help the conversation.
assess-rate-hint-person = Your manager sees your ratings once the assessment is shared.
assess-rate-hint-manager = { $name } sees your ratings once you share the assessment.
assess-rating = Rating
assess-rating-of = Rating: { $statement }
assess-comment = Comment
assess-evidence = Evidence
assess-evidence-placeholder = Links, documents, incidents
assess-save-draft = Save draft
assess-submit = Submit
sheet-summary = Fill it offline
sheet-download = Download the sheet
sheet-how = { $download }, fill the { $rating }, { $comment } and { $evidence } columns in a spreadsheet, save as CSV and import it here. Rows are matched by { $id }; every mismatch is reported and nothing is saved while a row is wrong.
sheet-file = Filled sheet (CSV)
sheet-import = Import
ratings = Ratings
ratings-when-shared = Ratings show once the manager shares the assessment.
ratings-other-side-when-shared = The other side's ratings show once the assessment is shared.
ratings-sides = Self-assessment: { $own }; manager's: { $manager }.
ratings-disagreements = { $count ->
    [one] { $count } statement rated differently by { $person } and { $manager }.
   *[other] { $count } statements rated differently by { $person } and { $manager }.
}
ratings-differ = Ratings differ
area-differ = { $count } differ
elsewhere-heading = Ratings of statements no longer in this level
elsewhere-label = Statements no longer in this level
elsewhere-where = Where it is now
share-hint = Both sides have submitted. Sharing shows each side the other's ratings.
share-with = Share with { $name }
acknowledge-hint = Acknowledging locks the assessment; a later change is a new version with its reason.
acknowledged = Acknowledged
locked = Locked.
revise-summary = Change it after all
revise-why = Why it changes
revise-button = Start a new version
badge-reworded = reworded since rated
badge-moved = moved since rated
badge-review = split or merged: review
badge-removed = statement removed
diff-changed = Words changed since rated:
diff-added = added:
diff-removed = removed:
evidence-label = Evidence:

## The printable assessment

print-title = Assessment of { $name }
print-heading = { $name }: assessment against { $level }
print-person = Person
print-state = State
print-revision = Ladder revision
print-carried = ratings carried to { $revision }
print-printed = Printed
print-acknowledgement = Acknowledgement

## A person's growth page

growth-of = Growth · { $name }
growth-next = next:
growth-what-changes = what changes
growth-assessments = Assessments
growth-opened = Opened
growth-revision = Revision
growth-new-version = new version
growth-no-assessments = No assessments yet.
growth-assess-against = Assess against
growth-next-level = Next level: { $level }
growth-current-level = Current level: { $level }
growth-start-assessment = Start an assessment
growth-plan = Growth plan
goal-open = open
goal-done = done
goal-dropped = dropped
goal-by = by { $date }
goal-mark-done = Mark done
goal-drop = Drop
goal-reopen = Reopen
growth-no-goals = No goals yet.
growth-work-on = Work on a statement
growth-suggested = Suggested: the next level's statements, lowest rated first in the latest shared assessment.
growth-rated = rated { $rating }
goal-goal = Goal
goal-actions = Actions
goal-target-date = Target date
goal-add = Add to the plan
notes-heading = 1-on-1 notes
notes-hint = Shared between { $name } and their manager only.
notes-note = Note
notes-checks-in-on = Checks in on
notes-no-goal = (no goal)
notes-add = Add note
notes-removed-author = a removed author
notes-checks-in-on-goal = checks in on { $goal }
notes-none = No notes yet.
timeline = Timeline
timeline-none = Nothing yet.
event-assessment = assessment
event-placement = placement
event-goal = goal
event-note = note

## People, tokens, the team

people-add = Add a person
people-import = Import a roster
people-name-or-email = Name or email
people-search = Search
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
people-page = page { $page } of { $pages }
people-name = Name
people-job-title = Job title
people-status = Status
people-active = active
people-inactive = inactive
role-employee = employee
role-hr = hr
role-admin = admin
pager-label = Pages
pager-previous = Previous
pager-next = Next
tokens-new = Your new token (shown once, copy it now): { $token }
tokens-how = Scripts use a token as { $header }. A token acts as you, within its scope.
tokens-scope = Scope
tokens-scope-impact = impact (aggregates only, for CI)
tokens-scope-scim = scim (an identity provider's provisioning only)
tokens-create = Create token
tokens-created = Created
tokens-revoked = revoked
tokens-revoke = Revoke { $name }
tokens-revoke-question = Revoke the token { $name }?
tokens-revoke-consequences = Revoking { $name } ({ $scope } access) stops every script that uses it at once: its requests are refused from now on. This cannot be undone; make a new token to give a script access again.
team-from = From each person's latest shared assessment.
team-reporting-to = Reporting to
team-everyone = Everyone
team-all-teams = All teams
team-all-levels = All levels
team-track = Track
team-all-tracks = All tracks
team-filter = Filter
team-download = Download CSV
team-shown = { $shown } of { $count } people.
team-heatmap = Team heatmap
team-assessed-against = Assessed against
team-ready = Ready
team-none-shared = none shared
team-cell-title = { $met } of { $counted } met; { $needed } needed
team-cell-hint = Each cell: statements met of those that count.
team-nobody = Nobody to show.

## A person's page

person-goes-by = Goes by { $name }
person-growth = Assessments and growth
person-none = (none)
person-start-date = Start date
person-role = Role
person-active = Active
yes = yes
no = no
person-placements = Placements
person-no-placements = No placements yet.
person-new-level = New level
person-record-placement = Record placement
person-promotion = Promotion
person-case-for = Open a case for
person-open-case = Open a promotion case
person-case-hint = The case takes the newest shared assessment against that level; see { $link }.
person-password-link = Make a password link
person-unlink = Unlink the sign-in identity
person-anonymise = Anonymise
person-export = Export this person's data (JSON)

## Choosing a password

password-your-name = Your name
password-your-email = Your email
password-welcome = Welcome.
password-welcome-name = Welcome, { $name }.
password-join-as = Choose a password to join as { $email }.
password-setting = Setting the password of { $email }.
password-label = Password (at least 12 characters)
password-setup-title = Create the first administrator
password-setup-button = Create administrator
password-join-title = Join
password-set-title = Set your password
password-set-button = Set password
password-is-set-title = Password set
password-is-set = Your password is set. Sign in with it now.

## Promotions and feedback

promo-cases = Cases
promo-target = Target level
promo-you-are = You are
promo-no-cases = No promotion cases you can read.
promo-how = A manager opens a case from the person's page once an assessment against the target level is shared.
promo-asked = Feedback asked of you
feedback-on = Feedback on { $name }
promo-answered = answered
promo-nobody-asked = Nobody asked you for feedback.
promo-sessions = Calibration sessions
promo-closed = closed
promo-no-sessions = No sessions.
promo-open-session = Open a calibration session
feedback-considered = { $name } is considered for { $target }.
feedback-asked = You were asked, by { $date }, about:
feedback-in-general = their work in general
feedback-answered = You answered: { $rating }.
feedback-words = What you saw
feedback-send = Send feedback
feedback-advisory = Your answer is advisory: the readiness rule reads the manager's ratings. Every read of it is recorded in the audit log.

## The rollout of a new ladder

rollout-none = No rollout is open.
rollout-name-placeholder = New ladder
rollout-open = Open a rollout onto this ladder
rollout-skipped = skipped { $count }:
rollout-progress = Progress
rollout-col-suggested = Suggested
rollout-col-proposed = Proposed
rollout-col-confirmed = Confirmed
rollout-col-acknowledged = Acknowledged
rollout-col-off-ladder = Not on a ladder
rollout-col-done = Done
rollout-col-change = Change
rollout-all = All
rollout-no-team = No team
rollout-bulk = For many people at once
rollout-anyone = Anyone
rollout-any-track = Any track
rollout-propose-all = Propose every suggested level
rollout-propose-all-mine = Propose every suggested level in my team
rollout-confirm-all = Confirm every proposed level
rollout-bulk-hint = People with no suggestion, people not on a ladder, and levels you may not set are skipped, and listed with why.
rollout-any-status = Any status
rollout-status-suggested = suggested
rollout-status-proposed = proposed
rollout-status-confirmed = confirmed
rollout-status-acknowledged = acknowledged
rollout-show = Show
rollout-people-label = People in the rollout
rollout-off-ladder = not on a ladder
rollout-edit = Edit
rollout-why-suggested = Why suggested: { $reason }
rollout-note = Note: { $note }
rollout-level-for = Level for { $name }
rollout-choose-level = Choose a level
rollout-propose = Propose
rollout-confirm = Confirm { $level } for { $name }
rollout-back-on = Put { $name } back on a ladder
rollout-mark-off = Mark { $name } not on a ladder
rollout-close = Close this rollout

## Why a rollout suggests a level (rollout/reason.rs). `how`, `evidence`
## and `doubts` are the title resolver's and the mapping's words (English).
rollout-reason-separator = { "; " }
rollout-reason-current-level = their current level
rollout-reason-no-title = no job title to go by
rollout-reason-off-ladder = marked not on a ladder
rollout-reason-title-is-level = job title “{ $title }” is this level's title
rollout-reason-title-reads-as = job title “{ $title }” reads as “{ $level }”: { $how } (confidence { $confidence })
rollout-reason-not-on-ladder = job title “{ $title }” is not on this ladder: { $how }
rollout-reason-cannot-place = job title “{ $title }” cannot be placed: { $how }
rollout-reason-check = not sure: check { $levels }
rollout-reason-check-doubts = not sure ({ $doubts }): check { $levels }
rollout-reason-closest = closest: { $levels }
rollout-reason-previous = previous title “{ $title }” is “{ $theirs }” at { $company }, which maps to “{ $ours }” (similarity { $similarity }, confidence { $confidence })
rollout-reason-previous-reads-as = previous title “{ $title }” reads as “{ $theirs }” at { $company }, which maps to “{ $ours }” (similarity { $similarity }, confidence { $confidence })
rollout-reason-seniority = seniority (A theirs, B ours): { $evidence }
rollout-reason-previous-not-a-level = previous title “{ $title }” is not a level of { $company }

## A promotion case

case-title = { $name }: promotion to { $level }
case-packet-title = Promotion packet: { $name }
case-printed = printed { $date }
case-packet = Printable packet
case-missing = Before it is submitted, the case needs: { $missing }.
case-session-closed = The calibration session { $name } is closed: it takes no more comments, votes or decisions.
case-session-move = Put the case in another session below.
case-write = Write the case
case-narrative = Narrative
case-recommendation = Recommendation
case-recommendation-heading = Manager's recommendation
case-add-evidence = Add evidence
case-link = Link
case-what-it-shows = What it shows
case-ask = Ask a colleague for feedback
case-colleague = Colleague (email)
case-about = About (statement or area ids)
case-about-placeholder = e.g. craft, delivery
case-due = Due
case-ask-button = Ask
case-submit = Submit for calibration
case-session = Calibration session
case-put-in-session = Put in the session
case-comment-and-vote = Comment and vote
case-comment-label = Comment (the committee's only)
case-vote = Vote
vote-none = no vote
vote-approve = approve
vote-not-now = not now
case-comment-button = Comment
case-record-decision = Record the decision
case-decision-label = Decision
outcome-approved = Approved
outcome-not-now = Not now
case-reasons = Reasons
case-work-on-label = What to work on (not now)
case-effective-from = Effective from
case-record = Record
case-mark-told = Mark as told to { $name }
case-mark-effective = Mark effective
case-current-level = Current level
case-not-placed = not placed
case-time-in-level = Time in level
case-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
case-tenure = the level's tenure: { $months }
case-now = now { $revision }
case-decision = Decision: { $decision }
case-work-on = What to work on
case-effective = Effective { $date }.
case-peer-feedback = Peer feedback
case-answers = { $count ->
    [one] { $count } answer, average { $average }
   *[other] { $count } answers, average { $average }
}
case-against-manager = against the manager's { $average }
case-peers-agree = peers agree
case-peers-differ = peers and manager differ by more than a step
case-a-colleague = A colleague
case-asked-due = asked, due { $date }
case-none-asked = None asked yet.
case-ratings-against = Ratings against { $level }
case-comments = Committee comments and votes
case-someone = Someone
case-voted = voted { $vote }
case-no-comments = No comments yet.
case-by = by { $name }

## Assessment cycles and calibration sessions

cycles-title = Assessment cycles
cycles-open = Open a cycle
cycles-name-placeholder = e.g. Spring review
cycles-target-next = the next level
cycles-target-own = their current level
cycles-only-team = Only the team of (email)
cycles-everyone-when-empty = everyone when empty
cycles-self-due = Self-assessments due
cycles-manager-due = Manager assessments due
cycles-open-button = Open the cycle
cycles-hint = Everyone active and placed gets an assessment; each sees a reminder in the app until their side is in. Reminding records who was reminded in the audit log.
cycles-cycle = Cycle
cycles-against = Against
cycles-shared = Shared
cycles-late = Late
cycles-next-level = next level
cycles-current-level = current level
cycles-close = Close
cycles-who = Who is waiting, late or left out
cycles-in = in { $name }
cycles-still-to-do = Still to do
cycles-owed-self = { $name }'s self-assessment
cycles-owed-manager = { $manager }'s assessment of { $name }
cycles-no-manager = no manager
cycles-remind = Remind everyone still to do their part
cycles-nothing-left = Nothing left to do.
cycles-reminded = { $count ->
    [one] Reminded { $count } time
   *[other] Reminded { $count } times
}
cycles-last-to = last to { $people }
cycles-left-out = Left out
cycles-none = No cycles yet.
calibrations-title = Calibration
calibrations-open = Open a session
calibrations-name-placeholder = e.g. Spring promotions
calibrations-covers = Covers
calibrations-covers-placeholder = a cycle, an organisation, a level band
calibrations-chair = Chair (email)
calibrations-members = Committee (emails)
calibrations-open-button = Open the session
calibrations-sessions = Sessions
calibrations-none = No sessions yet.

## Invitations and the framework

inv-queued = { $count ->
    [one] { $count } invitation is queued; they go out by email in the background.
   *[other] { $count } invitations are queued; they go out by email in the background.
}
inv-no-email-links = Email is not configured: pass each person their link (it works once, for 7 days; anyone with it can set the password).
inv-nobody = Nobody was invited.
inv-left-to-admin = { $count ->
    [one] { $count } person has the HR or admin role: an administrator invites them.
   *[other] { $count } people have the HR or admin role: an administrator invites them.
}
inv-not-joined = { $count ->
    [one] { $count } person has not joined yet (no password and no sign-in through the identity provider).
   *[other] { $count } people have not joined yet (no password and no sign-in through the identity provider).
}
inv-by-email = Invitations go by email: { $queued } queued, { $sent } sent
inv-failed = { $count } failed
inv-no-email = Email is not configured, so inviting shows each person's link to pass on (see the server's documentation to configure email).
inv-everyone = Invite everyone not joined ({ $count })
inv-team = Invite this team
inv-show-team = Show team
inv-table-label = People not joined yet
inv-invited = Invited
inv-invite = Invite
inv-times = { $count } times
inv-not-yet = not yet
inv-resend-to = Resend to { $name }
inv-invite-name = Invite { $name }
fw-errors = The framework has errors, so it was not loaded; the previous version is still in use.
fw-in-use = In use: { $revision }
fw-before-reload = Before reloading: what it does to people
fw-confirm-warning = This reload makes people stop being ready. Read the figures above; reload only if that is intended.
fw-confirm = I have read the preview: people stop being ready
fw-reload = Reload the framework
fw-revisions = Revisions served
fw-since = since { $date }

## The audit log and readiness by level

audit-title = Audit log
audit-broken = The chain is broken: { $problem }
audit-intact = The chain of { $count } entries is intact.
audit-export = Export (JSON)
audit-export-these = Export these entries (JSON)
audit-filter-label = Filter the audit log
audit-who = Who
audit-anyone = anyone
audit-what = What
audit-anything = anything
audit-every = every { $kind } action
audit-subject-label = Subject (a person's name or email, or as recorded: { $example })
audit-to = To
audit-show-everything = Show everything
audit-none = No entries.
audit-none-match = No entries match these filters.
audit-when = When (UTC)
audit-subject = Subject
audit-only-about = Only entries about { $subject }
audit-only-this = only this
audit-cleared = cleared
audit-older = Older entries
insights-title = Readiness by level
insights-sub = Per track and level, from each person's latest shared assessment. No names; a group of fewer than { $count } people shows no figures (the group threshold, { $setting }).
insights-all-hidden = Every level has fewer than { $count } people, so no figures are shown. In a small company, lower { $key } in the { $table } table of the ladder's { $file } (to 3, say: figures stay without names, but a small group's are easier to guess), then reload the framework.
insights-hidden = { $count ->
    [one] { $count } level is hidden: fewer than { $smallest } people.
   *[other] { $count } levels are hidden: fewer than { $smallest } people.
}
insights-assessed = Assessed
insights-fewer-than = fewer than { $count } people

## A calibration session

calibration-title = Calibration: { $name }
calibration-chair = Chair: { $name }.
calibration-none = none
calibration-committee = Committee: { $names }.
calibration-no-quorum = The committee is smaller than the rules ask.
calibration-closed-on = Closed on { $date }: the session takes no more comments, votes or decisions.
calibration-cases = Cases side by side
calibration-target = Target
calibration-manager-avg = Manager avg
calibration-self-gap = Self − manager
calibration-months = Months in level
calibration-peers = Peers
calibration-votes = Votes
calibration-ladder-changed = ladder changed
calibration-no-assessment = No assessment
calibration-vote-count = { $yes } yes, { $later } not now
calibration-no-cases = No cases in this session yet: HR puts submitted cases in it from each case's page.
calibration-by-manager = Ratings by manager
calibration-by-manager-hint = Each manager's ratings over their cases' target levels against the group's (average { $average }). A manager whose average differs by more than { $steps } steps is flagged.
calibration-average = Average
calibration-against-group = Against the group
calibration-flagged = flagged
calibration-group = Group
calibration-distribution = Distribution by level
calibration-fewer = fewer than { $count }: no figures
calibration-close = Close the session
calibration-close-hint = Once every case is decided, close the session: it then takes no more comments, votes or decisions.

## What a reload does, and statement health

impact-title = Ladder impact and statement health
impact-if-reloaded = If the framework were reloaded now
impact-health = Statement health
impact-health-hint = Per statement, from each person's latest shared assessment. A statement rated for fewer than { $count } people shows no figures.
impact-export = Export:
impact-not-applicable = Not applicable
impact-manager-spread = Manager spread
impact-suggestions = Suggestions
impact-disk-errors = The framework on disk has errors: a reload would be refused.
impact-from-to = From { $old } (in use) to { $new } (on disk)
impact-same = : the same revision
impact-over-allowed = Over the { $table } limits, allowed by a note: { $note }
impact-over = Over the { $table } limits:
impact-readiness = Readiness:
impact-ready-counts = { $become } become ready, { $stop } stop being ready
impact-not-counting = { $count ->
    [one] not counting { $count } level with fewer than { $smallest } people assessed
   *[other] not counting { $count } levels with fewer than { $smallest } people assessed
}
impact-rule-changed = The promotion rule or rating scale changed: every level is judged again.
impact-statements-changed = Statements changed
impact-ready-before = Ready before
impact-ready-after = Ready after
impact-become-ready = Become ready
impact-stop-being-ready = Stop being ready
impact-removed = removed
impact-fewer-assessed = fewer than { $count } people assessed
impact-statements = Statements:
impact-statement-counts = { $reworded } reworded, { $moved } moved, { $split } split, { $merged } merged, { $removed } removed, { $added } added.
impact-rating-counts = { $reworded } follow reworded statements, { $moved } moved ones, { $split } a split and { $merged } a merge (for review), { $archived } stop counting.
impact-placed-removed = Placed on the removed level { $level }:
impact-open-work = { $assessments } open assessments on changed levels; { $goals } open growth goals on changed statements.
impact-people-changing = People whose readiness changes
impact-becomes-ready = becomes ready
impact-stops-being-ready = stops being ready
impact-markdown = As Markdown (for a pull request)

## Importing a roster

roster-intro = Upload your HR system's export as it is (BambooHR, HiBob, Personio, Workday, Rippling or any CSV with a header row). The first run is a dry run: it shows how each column is read and every problem at once, and writes nothing. People are matched by email; nothing is written while any row is wrong.
roster-using = Using { $file }
roster-replace = Choose another file only to replace it.
roster-too-big = The file is too large to keep between runs: choose it again.
roster-file = CSV file
roster-how-reads = How the file reads
roster-looks-like = Looks like a { $system } export.
roster-read-as = Read as { $encoding }; { $people }; dates { $dates }.
roster-check-columns = Check each field's column against the first person's cell; change a column if the guess is wrong. Your choices are kept for the next run.
roster-columns-label = How the columns are read
roster-field = Field
roster-column = Column in the file
roster-first-person = First person
roster-find-by-heading = (find by heading)
roster-not-used = (not used)
roster-dates-like = Dates like 3/4/2017 are
roster-dates-auto = decided by the file (ask when it cannot tell)
roster-dates-month-first = month first: March 4 (US)
roster-dates-day-first = day first: 3 April (UK, Europe)
roster-deactivate = Make people not in the file inactive
roster-dry-run = Dry run: show what would change, write nothing
roster-run-again = Run again
roster-nothing-imported = Nothing was imported
roster-problems = { $count } problem(s), by row of the spreadsheet (the header is row 1):
roster-problems-label = Problems
roster-row = Row
roster-column-short = Column
roster-problem = Problem

## A roster's problems (people/roster_csv.rs, roster_managers.rs)
roster-problem-encoding = the file is not readable { $encoding } text: export it as “CSV UTF-8”
roster-problem-header = cannot read the header row: { $error }
roster-problem-cells = the row has { $cells } cells but the header has { $header }: not valid CSV
roster-problem-csv = not valid CSV: { $error }
roster-problem-no-email = no email column (call it `email` or `work email`, or choose one)
roster-problem-no-name = no name column (`first name` and `last name`, or `name`)
roster-problem-track-and-level = give both a track and a level column, or neither
roster-problem-no-people = the file has a header but no people
roster-problem-no-manager = no one in this file or already in rungs has the email, employee number or name `{ $cell }`
roster-problem-managers = `{ $cell }` could be { $count } people: { $who }; name the manager by email or employee number
roster-problem-track-and-level-row = give both a track and a level, or neither
roster-problem-duplicate = { $email } is also on row { $row }
roster-problem-privileged = { $email } has the { $role } role: only an administrator can change them
roster-problem-own-manager = { $email } cannot be their own manager
roster-problem-unknown-manager = manager { $manager } is neither in this file nor already known
roster-problem-circle = reporting lines go round in a circle through { $email }
roster-problem-dates-mixed = the dates mix day first (`{ $day_first }`, row { $day_row }) and month first (`{ $month_first }`, row { $month_row }): write them one way
roster-problem-dates-open = `{ $cell }` could be day first or month first, and no date in the file settles it: choose the date format (month first, as in the US, or day first)
roster-problem-date = `{ $cell }` is not a date (YYYY-MM-DD, M/D/YYYY, D/M/YYYY or DD.MM.YYYY)
roster-problem-date-not-iso = `{ $cell }` is not a date (use YYYY-MM-DD)
roster-problem-date-short-year = `{ $cell }` has a two-digit year: give the year in full
roster-problem-date-month = `{ $cell }` is not a date: there is no month { $month }
roster-problem-date-day = `{ $cell }` is not a date: { $month_name } { $year } has no day { $day }
# A month by its number, for the message above.
roster-month-1 = January
roster-month-2 = February
roster-month-3 = March
roster-month-4 = April
roster-month-5 = May
roster-month-6 = June
roster-month-7 = July
roster-month-8 = August
roster-month-9 = September
roster-month-10 = October
roster-month-11 = November
roster-month-12 = December
roster-problem-row-no-name = no name
roster-problem-row-no-email = no email
roster-problem-email = `{ $email }` is not an email address
roster-problem-status = `{ $value }` does not say whether they work here (active or terminated)
roster-problem-level = `{ $level }` is not a level of this ladder
roster-problem-no-column = no column `{ $column }` for { $field }
roster-note-status-unused = `{ $column }` is not used: its values say how someone is employed, not whether they still work here
roster-imported = Imported
roster-dry-run-heading = Dry run: nothing written yet
roster-plan = { $add } to add · { $change } to change · { $deactivate } to deactivate · { $unchanged } unchanged
roster-kind-added = Added
roster-kind-changed = Changed
roster-kind-deactivated = Deactivated
roster-more = … and { $count } more
roster-titles = Job titles on this ladder
roster-titles-hint = What a rollout would suggest for the people who hold each title. Titles marked “check” are not sure; give the ladder an alias (see docs/map.md) to settle one for good.
roster-titles-label = Job titles
roster-reads-as = Reads as
roster-check = check
roster-more-titles = … and { $count } more titles.

## The roster page's fields, how its dates read, and what an import changes
roster-field-email = Work email
roster-field-employee_number = Employee number
roster-field-first_name = First name (legal)
roster-field-last_name = Last name (legal)
roster-field-name = Full name (when there is no first and last name)
roster-field-display_name = Preferred name (shown beside the legal name)
roster-field-job_title = Job title
roster-field-team = Team
roster-field-manager_email = Manager (email, employee number or full name)
roster-field-start_date = Start date
roster-field-active = Active or not (employment status)
roster-field-track = Track
roster-field-level = Level
roster-field-previous_title = Title at the previous company
roster-dates-read-auto = decided by the file
roster-dates-read-month_first = month first (M/D/YYYY)
roster-dates-read-day_first = day first (D/M/YYYY)
roster-changed-active = active
roster-changed-display-name = display name
roster-changed-employee-number = employee number
roster-changed-job-title = job title
roster-changed-level = level
roster-changed-manager = manager
roster-changed-name = name
roster-changed-previous-title = previous title
roster-changed-start-date = start date
roster-changed-team = team

## Why a placement started

reason-hire = hire
reason-rollout = rollout
reason-promotion = promotion
reason-correction = correction

## Said after a form was sent

flash-submitted = Submitted.
flash-saved = Saved ({ $count } changed).

## A person's timeline

event-assessment-text = Assessment against { $level }: { $state }
event-placement-text = Placed at { $level } from { $date } ({ $reason })
event-goal-text = Goal ({ $status }): { $goal }
event-note-text = 1-on-1 note

## Emails about what waits

mail-hello = Hello { $name },
mail-notice-footer =
    You get an email for each new thing that waits for you. To get one a day
    instead, or none, change it on your account page: { $account }
mail-digest-subject = { $count ->
    [one] { $site }: { $count } thing waits for you
   *[other] { $site }: { $count } things wait for you
}
mail-waiting = Waiting for you:
mail-digest-footer =
    This list is also on your home page: { $home }
    To get an email for each new thing instead, or none, change it on your
    account page: { $account }

## Readiness and the promotion rule (English pages use the library's words)

rule-every-statement = every statement
rule-share = { $percent }% of the statements
rule-count = { $count ->
    [one] { $count } statement
   *[other] { $count } statements
}
rule-in-each-area = In each area, { $what } rated “{ $threshold }” or higher { $by }
rule-by-both = by both the person and their manager
rule-by-manager = by the manager
rule-waivable = these areas may be waived: { $areas }
rule-months = { $count ->
    [one] at least { $count } month at the current level
   *[other] at least { $count } months at the current level
}
rule-tenure = at least the current level's tenure
ready-area-reason = { $met } of { $counted } statements at “{ $threshold }” or higher; the rule asks for { $needed }
ready-area-unrated = { " " }({ $count } not rated yet)
ready-area-waivable = this area may be waived
ready-time = { $months } months at the current level; the rule asks for { $need }
ready-time-unknown = time at the current level is unknown (no placement); the rule asks for { $need } months
ready-summary-empty = The level has no statements to assess.
ready-summary-ready = Ready: every area meets the rule.
ready-summary-ready-time = Ready: every area meets the rule and the time at the current level is reached.
ready-not-met-in = not yet met in { $areas }
ready-not-long-enough = not long enough at the current level
ready-summary-not-yet = Not yet ready: { $reasons }.

## Confirmation pages of destructive actions
confirm-close-button = Close { $name }
confirm-rollout-close-question = Close the rollout { $name }?
confirm-rollout-close-ends = Closing { $name } ends it: nobody can propose, confirm or acknowledge a level in it any more. Its entries stay, read-only, and a closed rollout cannot be opened again.
confirm-rollout-close-open = { $count ->
    [one] 1 person is
   *[other] { $count } people are
} still without a confirmed level in it.
confirm-cycle-close-question = Close the cycle { $name }?
confirm-cycle-close-stops = Closing { $name } stops its reminders and takes it off everyone's home page; its assessments stay as they are. A closed cycle cannot be opened again.
confirm-cycle-close-unshared = { $unshared } of { $total ->
    [one] 1 assessment is
   *[other] { $total } assessments are
} not shared yet.
confirm-session-close-question = Close the session { $name }?
confirm-session-close-ends = Closing { $name } ends it: its committee can still read its cases, but there will be no more comments, votes or decisions in it. A closed session cannot be opened again.
confirm-session-close-cases = It holds { $count ->
    [one] 1 case
   *[other] { $count } cases
}, { $decided } decided. { $undecided ->
    [0] Decisions already made go on as usual: managers tell people, HR marks them effective.
    [one] 1 case without a decision will wait in calibration until HR puts it in another session.
   *[other] { $undecided } cases without a decision will wait in calibration until HR puts them in another session.
}
confirm-deactivate-question = Deactivate { $name }?
confirm-deactivate-signs-out = Deactivating { $name } signs them out everywhere at once: their sessions and API tokens stop working and they can no longer sign in.
confirm-deactivate-reports = { $count ->
    [one] 1 person still reports
   *[other] { $count } people still report
} to { $name }: give them another manager so their assessments and growth plans keep a reader.
confirm-deactivate-kept = Their placements, assessments and history are kept. You can reactivate them later; they will need a new sign-in link.
confirm-deactivate-button = Deactivate { $name }
confirm-anonymise-question = Anonymise { $name }?
confirm-anonymise-removes = Anonymising { $name } removes their name, email, job title and start date, the notes, comments, evidence and goals written about them, and every way to sign in as them (sessions, API tokens, links).
confirm-anonymise-final = This cannot be undone. Their placements stay in the counts per level, and { $count ->
    [one] 1 assessment is
   *[other] { $count } assessments are
} kept without a name.
confirm-anonymise-button = Anonymise { $name }

## Notices after an action
rollout-bulk-proposed = Proposed
rollout-bulk-confirmed = Confirmed
bulk-skip-off-ladder = not on a ladder
bulk-skip-no-suggestion = no suggested level: propose one by hand
bulk-skip-gone = the suggested level `{ $level }` is no longer on the ladder
bulk-skip-own-proposed = your own level is proposed by your manager or HR
bulk-skip-own-confirmed = your own level is confirmed by someone else
bulk-skip-role-confirmed = an administrator confirms the level of someone with a role (HR or administrator)
bulk-skip-not-yours = not someone whose level you propose
bulk-skip-own-decided = your own level is decided by someone else
bulk-skip-role-decided = an administrator decides the level of someone with a role (HR or administrator)
flash-cycle-opened = Cycle opened: { $count ->
    [one] 1 assessment
   *[other] { $count } assessments
}.
flash-cycle-left-out = { $count ->
    [one] 1 person was
   *[other] { $count } people were
} left out: see who and why below.
flash-cycle-reminded = Reminder recorded for { $count ->
    [one] 1 person
   *[other] { $count } people
}; each sees it on their home page.
flash-cycle-emailed = Emailed to { $count ->
    [one] 1 person
   *[other] { $count } people
}.
flash-sheet-imported = Imported { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}: { $changed ->
    [one] 1 rating
   *[other] { $changed } ratings
} changed.
flash-sheet-missing = Not in the sheet, kept as they were: { $ids }.
flash-sheet-reworded = Worded differently in the sheet than in the ladder now (rated against the ladder's words): { $ids }.
password-link-title = Password link
password-link-text = Send this link to the person; it works once, for 24 hours. Anyone with it can set the password.
anonymised-title = Anonymised
anonymised-text = Their name, email, title and notes are gone; their placements stay in the counts.

## The error page
error-title = { $status ->
    [400] Bad Request
    [401] Unauthorized
    [403] Forbidden
    [404] Not Found
    [409] Conflict
    [422] Unprocessable Entity
    [429] Too Many Requests
    [500] Internal Server Error
   *[other] Error
}
error-explain = { $status ->
    [404] This does not exist, or you cannot see it.
    [409] Someone else's change came first, or the value is already taken.
    [422] What was sent cannot be used as it is.
   *[other] This request cannot be handled.
}
error-sign-in = sign in first
error-forbidden = you do not have access to this
error-too-many = too many attempts: wait a few minutes and try again
error-internal = something went wrong on the server; the error was logged
error-back = Back to the app

## Invitations and cycle reminders
mail-invite-subject = You are invited to { $site }
mail-invite-intro =
    You are invited to { $site }, where you can see your level, what the next one asks,
    and your assessments.
mail-invite-join = Join by choosing a password here (the link works once, for 7 days):
mail-invite-ignore = If you did not expect this, you can ignore it.
mail-reminder-subject = { $site }: a reminder about { $cycle }
mail-reminder-intro = A reminder: in { $cycle } you still owe
mail-reminder-self = your self-assessment
mail-reminder-of = your assessment of { $name }
mail-reminder-due = , due { $date }
mail-reminder-due-late = , due { $date } (late)
mail-reminder-home = What waits for you is also on your home page: { $home }

## Common form errors (each the English sentence itself)
form-choose-level = choose a level to propose
form-choose-file = choose a file to import
form-choose-csv = choose a CSV file
form-say-what-you-saw = say in words what you saw
form-say-what-to-work-on = say what to work on
form-name-session = name the calibration session
form-rollout-closed = this rollout is closed
form-cycle-closed = this cycle is closed
form-password-short = a password needs at least 12 characters
form-account-choose = choose a language or how to hear of what waits for you
form-nobody-to-remind = nobody owes anything in this cycle: there is no one to remind
form-ratings-submitted = these ratings are submitted; they can no longer be changed
form-case-decided = the case is decided: feedback is closed
form-anonymise-yourself = you cannot anonymise yourself
form-off-ladder = this person is marked not on a ladder: put them back on one first
form-kept-damaged = the kept file was damaged: choose the file again
form-not-a-date = { $filter }: `{ $day }` is not a date (YYYY-MM-DD)
form-not-a-statement = `{ $key }` is not a statement of the ladder
form-not-a-level = `{ $level }` is not a level of this ladder
form-upload-too-large = the upload is larger than { $mib } MiB, or arrived too slowly
form-too-large = the form is larger than { $kib } KiB
form-assessment-level-gone = the ladder no longer has the level `{ $level }`; this assessment can no longer be rated
form-assessment-state = not possible while the assessment is { $state }
form-nobody-has-email = nobody has the email `{ $email }`
form-sheet-not-utf8 = the sheet is not UTF-8 text (byte { $byte }); save it as CSV UTF-8
form-sheet-header = the sheet's first row does not read: { $error }
form-inactive-no-assessment = { $name } is no longer active: no new assessment is opened
form-inactive-no-case = { $name } is no longer active: no case is opened
form-already-at-level = { $name } is already at `{ $level }`
form-case-text-too-long = { $part }: over 20,000 characters
form-not-a-link = `{ $url }` is not a link (https://…)
form-no-colleague = `{ $who }` is no active colleague
form-committee-too-small = the committee has { $members } members; [promotions] committee_size asks for { $size }
form-level-gone = `{ $level }` is no longer a level of the ladder
form-session-closed = the calibration session { $name } is already closed
form-invite-inactive = { $name } is not active
form-invite-joined = { $name } has joined already
