CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_uq` ON `categories` (`name`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body` text NOT NULL,
	`term` text NOT NULL,
	`meeting` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_body_term_meeting_uq` ON `sessions` (`body`,`term`,`meeting`);--> statement-breakpoint
CREATE INDEX `sessions_year_idx` ON `sessions` (`year`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`doc_prefix` text NOT NULL,
	`index_prefix` text NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_name_uq` ON `units` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_short_name_uq` ON `units` (`short_name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer,
	`title` text,
	`phone` text,
	`email` text,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`session_version` integer DEFAULT 0 NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_role_idx` ON `users` (`unit_id`,`role`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_path` text NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_proposal_idx` ON `attachments` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `proposal_links` (
	`proposal_id` integer NOT NULL,
	`related_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `related_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_links_related_idx` ON `proposal_links` (`related_id`);--> statement-breakpoint
CREATE TABLE `proposal_signers` (
	`proposal_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`proposal_id`, `user_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_signers_one_lead_uq` ON `proposal_signers` (`proposal_id`) WHERE role = 'lead';--> statement-breakpoint
CREATE INDEX `proposal_signers_user_idx` ON `proposal_signers` (`user_id`,`role`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`category_id` integer,
	`body` text NOT NULL,
	`received_on` text NOT NULL,
	`assigned_on` text,
	`is_key` integer DEFAULT false NOT NULL,
	`is_urgent` integer DEFAULT false NOT NULL,
	`wants_meeting` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`contact_waived_reason` text,
	`closed_reason` text,
	`registered_by` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_session_number_uq` ON `proposals` (`session_id`,`number`);--> statement-breakpoint
CREATE INDEX `proposals_status_idx` ON `proposals` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `proposals_category_idx` ON `proposals` (`category_id`);--> statement-breakpoint
CREATE TABLE `adjustment_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`reason` text NOT NULL,
	`suggested_unit_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`decide_by` text NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `adjustment_requests_status_idx` ON `adjustment_requests` (`status`,`decide_by`);--> statement-breakpoint
CREATE INDEX `adjustment_requests_assignment_idx` ON `adjustment_requests` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`handler_id` integer,
	`assigned_on` text NOT NULL,
	`accept_due` text NOT NULL,
	`due` text NOT NULL,
	`extended_due` text,
	`accepted_at` integer,
	`opinion_waived_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_proposal_unit_uq` ON `assignments` (`proposal_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `assignments_unit_status_idx` ON `assignments` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `assignments_status_due_idx` ON `assignments` (`status`,`due`);--> statement-breakpoint
CREATE TABLE `co_opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`author_id` integer NOT NULL,
	`director_id` integer,
	`director_comment` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`director_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `co_opinions_assignment_uq` ON `co_opinions` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `co_opinions_status_idx` ON `co_opinions` (`status`);--> statement-breakpoint
CREATE TABLE `contact_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`contacted_on` text NOT NULL,
	`method` text NOT NULL,
	`participants` text NOT NULL,
	`summary` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_records_proposal_idx` ON `contact_records` (`proposal_id`,`round`);--> statement-breakpoint
CREATE TABLE `extension_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`reason` text NOT NULL,
	`requested_until` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`granted_until` text,
	`decided_by` integer,
	`decided_at` integer,
	`decision_comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `extension_requests_status_idx` ON `extension_requests` (`status`);--> statement-breakpoint
CREATE INDEX `extension_requests_assignment_idx` ON `extension_requests` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`publisher_unit_id` integer NOT NULL,
	`index_year` integer,
	`index_serial` integer,
	`index_number` text,
	`topic` text NOT NULL,
	`genre` text NOT NULL,
	`publisher_name` text NOT NULL,
	`validity` text DEFAULT '' NOT NULL,
	`written_on` text NOT NULL,
	`published_on` text,
	`summary` text,
	`withheld_reason` text,
	`withdrawn_at` integer,
	`withdrawn_reason` text,
	`decided_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`publisher_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publications_reply_uq` ON `publications` (`reply_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `publications_index_number_uq` ON `publications` (`publisher_unit_id`,`index_year`,`index_serial`);--> statement-breakpoint
CREATE INDEX `publications_status_date_idx` ON `publications` (`status`,`published_on`);--> statement-breakpoint
CREATE TABLE `receipt_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_tokens_hash_uq` ON `receipt_tokens` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_tokens_reply_member_uq` ON `receipt_tokens` (`reply_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`contact_report` text NOT NULL,
	`attitude` text NOT NULL,
	`result` text NOT NULL,
	`opinion` text,
	`on_paper` integer DEFAULT false NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_reply_member_uq` ON `receipts` (`reply_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `receipts_member_idx` ON `receipts` (`member_id`);--> statement-breakpoint
CREATE TABLE `replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`round` integer NOT NULL,
	`draft_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`doc_year` integer NOT NULL,
	`doc_serial` integer NOT NULL,
	`doc_number` text NOT NULL,
	`written_on` text NOT NULL,
	`sign_off_id` integer NOT NULL,
	`receipt_due` text NOT NULL,
	`publication_due` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `reply_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sign_off_id`) REFERENCES `sign_offs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `replies_doc_number_uq` ON `replies` (`unit_id`,`doc_year`,`doc_serial`);--> statement-breakpoint
CREATE UNIQUE INDEX `replies_proposal_round_uq` ON `replies` (`proposal_id`,`round`);--> statement-breakpoint
CREATE UNIQUE INDEX `replies_draft_uq` ON `replies` (`draft_id`);--> statement-breakpoint
CREATE TABLE `reply_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`result_class` text NOT NULL,
	`contact_person` text NOT NULL,
	`contact_phone` text NOT NULL,
	`disclosure` text DEFAULT 'full' NOT NULL,
	`disclosure_summary` text,
	`disclosure_reason` text,
	`author_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_drafts_version_uq` ON `reply_drafts` (`proposal_id`,`round`,`version`);--> statement-breakpoint
CREATE TABLE `sign_offs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`draft_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text,
	`signer_id` integer NOT NULL,
	`signer_name` text NOT NULL,
	`signer_title` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `reply_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_offs_draft_uq` ON `sign_offs` (`draft_id`);--> statement-breakpoint
CREATE INDEX `sign_offs_proposal_idx` ON `sign_offs` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_outbox_due_idx` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer,
	`actor_id` integer,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`comment` text,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_proposal_idx` ON `events` (`proposal_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_action_idx` ON `events` (`action`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`proposal_id` integer,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`link` text,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`id`);