//! The one diesel schema, shared by SQLite and PostgreSQL. Written by hand to
//! match `migrations/{sqlite,postgres}`, which must stay identical in shape.

diesel::table! {
    members (id) {
        id -> Text,
        name -> Text,
        country -> Text,
        region -> Text,
        email -> Text,
        language -> Text,
        joined -> Nullable<Date>,
        active -> Bool,
        member_type -> Text,
    }
}

diesel::table! {
    rounds (id) {
        id -> Integer,
        name -> Text,
        survey_id -> Text,
        definition -> Text,
        content_hash -> Text,
        regions -> Text,
        opens -> Nullable<Date>,
        closes -> Nullable<Date>,
        closed -> Bool,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        results -> Nullable<Text>,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        round_id -> Integer,
        member_id -> Text,
        region -> Text,
        language -> Text,
        invited_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        started_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        bounced_at -> Nullable<Timestamp>,
        opted_out_at -> Nullable<Timestamp>,
        packed -> Nullable<Binary>,
        country -> Text,
        member_type -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        invitation_id -> Text,
        kind -> Text,
        recipient -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    answers (invitation_id, question) {
        invitation_id -> Text,
        question -> Text,
        choice -> Nullable<BigInt>,
        number -> Nullable<Double>,
        text -> Nullable<Text>,
    }
}

diesel::table! {
    drafts (invitation_id, question) {
        invitation_id -> Text,
        question -> Text,
        raw -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        role -> Text,
        region -> Nullable<Text>,
        password_hash -> Text,
        created_at -> Timestamp,
        session_epoch -> Integer,
    }
}

diesel::table! {
    audit (id) {
        id -> Integer,
        at -> Timestamp,
        actor -> Text,
        action -> Text,
        subject -> Text,
    }
}

diesel::table! {
    review_notes (round_id, region, indicator) {
        round_id -> Integer,
        region -> Text,
        indicator -> Text,
        text -> Text,
        author -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    signoffs (round_id, region) {
        round_id -> Integer,
        region -> Text,
        signed_by -> Text,
        signed_at -> Timestamp,
    }
}

diesel::joinable!(invitations -> rounds (round_id));
diesel::joinable!(review_notes -> rounds (round_id));
diesel::joinable!(signoffs -> rounds (round_id));
diesel::joinable!(invitations -> members (member_id));
diesel::joinable!(answers -> invitations (invitation_id));
diesel::joinable!(drafts -> invitations (invitation_id));
diesel::joinable!(outbox -> invitations (invitation_id));

diesel::allow_tables_to_appear_in_same_query!(
    members,
    rounds,
    invitations,
    answers,
    drafts,
    users,
    outbox,
    audit,
    review_notes,
    signoffs
);

// The results histogram groups a round's answers by the respondent's region.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    invitations::region,
    answers::question,
    answers::choice,
    answers::number,
);
