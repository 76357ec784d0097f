//! Search keys: written with every name, filled for rows from before, and
//! rewritten when something else changed a name behind the store's back.

use rungs_store::{Actor, Page, PersonFields, Scope, Store};

use crate::support::*;

/// The names `search` finds, in order.
async fn found(store: &Store, search: &str) -> Vec<String> {
    let (people, matching) = store
        .people_page(&Scope::Everyone, search, Page::ALL)
        .await
        .expect("search");
    assert_eq!(people.len() as i64, matching, "the count is the page's");
    people.into_iter().map(|p| p.name).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_left_stale_behind_the_stores_back_is_rewritten_at_the_next_start() {
    for db in empty_databases("stale_key").await {
        let on = db.name;
        let store = db.open().await.expect("open");
        let mut w = store.write(&Actor::system()).await.expect("write");
        for (email, name) in [
            ("ines@example.org", "Inès Duval"),
            ("bo@example.org", "Bo Chen"),
        ] {
            w.create_person(PersonFields {
                email: email.into(),
                name: name.into(),
                active: true,
                ..Default::default()
            })
            .await
            .expect("person");
        }
        w.commit().await.expect("commit");
        assert_eq!(found(&store, "ines").await, ["Inès Duval"], "on {on}");
        // An older server (which knows no key) renames her.
        exec(
            &db.raw,
            "UPDATE people SET name = 'Agnès Duval' WHERE email = 'ines@example.org'",
        )
        .await;
        assert!(
            found(&store, "agnes").await.is_empty(),
            "on {on}: stale until the next start"
        );
        store.close().await;
        let store = db.open().await.expect("reopen");
        assert_eq!(found(&store, "AGNES").await, ["Agnès Duval"], "on {on}");
        // (Her email still has "ines" in it.)
        assert!(found(&store, "ines duval").await.is_empty(), "on {on}");
        assert_eq!(
            found(&store, "").await,
            ["Agnès Duval", "Bo Chen"],
            "on {on}"
        );
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sorts_keys_byte_for_byte_whatever_the_databases_collation() {
    let Some(url) = postgres_url("the search key's collation") else {
        return;
    };
    let db = Db::empty_postgres(&url, "collation").await;
    db.open().await.expect("open").close().await;
    let collation: Option<String> = sqlx::query_scalar(
        "SELECT collation_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = 'people' AND column_name = 'search_key'",
    )
    .fetch_one(&db.raw)
    .await
    .expect("collation");
    assert_eq!(collation.as_deref(), Some("C"));
}
