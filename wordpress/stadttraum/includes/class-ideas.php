<?php
/**
 * Ideas as WordPress content: the post type "Ideen" with the idea wall's fields, categories
 * (with a colour) and tags as taxonomies, moderation in the normal admin, and the feed in the
 * wall's native format (schemas/idea-wall.schema.json).
 *
 * Post status decides visibility (only published ideas are in the feed; submissions arrive as
 * "pending"); the idea's own status (new, review, planned, …) is what the wall shows.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Post type, taxonomies, meta box, admin list and feed. */
final class Stadttraum_Ideas {
	const POST_TYPE = 'stadttraum_idee';
	const CATEGORY  = 'stadttraum_kategorie';
	const TAG       = 'stadttraum_schlagwort';
	const NONCE     = 'stadttraum_idea_meta';

	/** The wall's built-in statuses, in their order. */
	public static function statuses() {
		return array(
			'new'         => __( 'New', 'stadttraum' ),
			'review'      => __( 'Under review', 'stadttraum' ),
			'planned'     => __( 'Planned', 'stadttraum' ),
			'in-progress' => __( 'In progress', 'stadttraum' ),
			'done'        => __( 'Done', 'stadttraum' ),
			'declined'    => __( 'Not pursued', 'stadttraum' ),
			'withdrawn'   => __( 'Withdrawn', 'stadttraum' ),
		);
	}

	/** Text meta fields: key => [label, multi-line]. */
	private static function text_fields() {
		return array(
			'reference'     => array( __( 'Reference / number', 'stadttraum' ), false ),
			'author'        => array( __( 'Submitted by (published)', 'stadttraum' ), false ),
			'group'         => array( __( 'Group / origin', 'stadttraum' ), false ),
			'status_reason' => array( __( 'Reason (for “Not pursued” or “Withdrawn”)', 'stadttraum' ), true ),
			'answer_text'   => array( __( 'Official answer', 'stadttraum' ), true ),
			'answer_by'     => array( __( 'Answer by', 'stadttraum' ), false ),
			'next_steps'    => array( __( 'Next steps', 'stadttraum' ), true ),
			'responsible'   => array( __( 'Responsible', 'stadttraum' ), false ),
			'location'      => array( __( 'Place', 'stadttraum' ), false ),
			'image_credit'  => array( __( 'Image credit (for the featured image)', 'stadttraum' ), false ),
		);
	}

	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( __CLASS__, 'meta_boxes' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( __CLASS__, 'save' ), 10, 2 );
		add_action( self::CATEGORY . '_add_form_fields', array( __CLASS__, 'color_field_add' ) );
		add_action( self::CATEGORY . '_edit_form_fields', array( __CLASS__, 'color_field_edit' ) );
		add_action( 'created_' . self::CATEGORY, array( __CLASS__, 'save_color' ) );
		add_action( 'edited_' . self::CATEGORY, array( __CLASS__, 'save_color' ) );
		add_filter( 'manage_' . self::POST_TYPE . '_posts_columns', array( __CLASS__, 'columns' ) );
		add_action( 'manage_' . self::POST_TYPE . '_posts_custom_column', array( __CLASS__, 'column' ), 10, 2 );
		add_filter( 'post_row_actions', array( __CLASS__, 'row_actions' ), 10, 2 );
		add_action( 'admin_post_stadttraum_publish', array( __CLASS__, 'publish_action' ) );
		add_action( 'admin_menu', array( __CLASS__, 'pending_bubble' ), 99 );
		add_action( 'admin_notices', array( __CLASS__, 'published_notice' ) );
	}

	public static function register() {
		register_post_type(
			self::POST_TYPE,
			array(
				'labels'             => array(
					'name'               => __( 'Ideas', 'stadttraum' ),
					'singular_name'      => __( 'Idea', 'stadttraum' ),
					'menu_name'          => __( 'Ideas', 'stadttraum' ),
					'add_new'            => __( 'New idea', 'stadttraum' ),
					'add_new_item'       => __( 'Add new idea', 'stadttraum' ),
					'edit_item'          => __( 'Edit idea', 'stadttraum' ),
					'new_item'           => __( 'New idea', 'stadttraum' ),
					'view_item'          => __( 'View idea', 'stadttraum' ),
					'search_items'       => __( 'Search ideas', 'stadttraum' ),
					'not_found'          => __( 'No ideas found.', 'stadttraum' ),
					'not_found_in_trash' => __( 'No ideas in the trash.', 'stadttraum' ),
					'all_items'          => __( 'All ideas', 'stadttraum' ),
				),
				'description'        => __( 'Ideas for the idea wall. Submitted ideas wait for approval as “Pending”.', 'stadttraum' ),
				'public'             => false,
				'show_ui'            => true,
				'show_in_menu'       => true,
				'show_in_rest'       => false,
				'menu_position'      => 21,
				'menu_icon'          => 'dashicons-lightbulb',
				'capability_type'    => 'post',
				'map_meta_cap'       => true,
				'supports'           => array( 'title', 'editor', 'thumbnail', 'revisions' ),
				'taxonomies'         => array( self::CATEGORY, self::TAG ),
				'has_archive'        => false,
				'rewrite'            => false,
				'query_var'          => false,
			)
		);
		register_taxonomy(
			self::CATEGORY,
			self::POST_TYPE,
			array(
				'labels'            => array(
					'name'          => __( 'Categories', 'stadttraum' ),
					'singular_name' => __( 'Category', 'stadttraum' ),
					'add_new_item'  => __( 'New category', 'stadttraum' ),
					'edit_item'     => __( 'Edit category', 'stadttraum' ),
				),
				'public'            => false,
				'show_ui'           => true,
				'show_admin_column' => true,
				'hierarchical'      => true,
				'rewrite'           => false,
			)
		);
		register_taxonomy(
			self::TAG,
			self::POST_TYPE,
			array(
				'labels'       => array(
					'name'          => __( 'Tags', 'stadttraum' ),
					'singular_name' => __( 'Tag', 'stadttraum' ),
				),
				'public'       => false,
				'show_ui'      => true,
				'hierarchical' => false,
				'rewrite'      => false,
			)
		);
	}

	/** A meta value of an idea (`_st_<key>`). */
	public static function meta( $id, $key ) {
		return (string) get_post_meta( $id, '_st_' . $key, true );
	}

	public static function meta_boxes() {
		add_meta_box( 'stadttraum-idea', __( 'Idea wall: status and answer', 'stadttraum' ), array( __CLASS__, 'meta_box' ), self::POST_TYPE, 'normal', 'high' );
		add_meta_box( 'stadttraum-submission', __( 'Submission', 'stadttraum' ), array( __CLASS__, 'submission_box' ), self::POST_TYPE, 'side', 'default' );
	}

	public static function meta_box( $post ) {
		wp_nonce_field( self::NONCE, self::NONCE );
		$status = self::meta( $post->ID, 'status' );
		echo '<table class="form-table" role="presentation"><tbody>';
		echo '<tr><th scope="row"><label for="st-status">' . esc_html__( 'Status on the idea wall', 'stadttraum' ) . '</label></th><td><select id="st-status" name="st[status]">';
		foreach ( self::statuses() as $value => $label ) {
			printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $status ? $status : 'new', $value, false ), esc_html( $label ) );
		}
		echo '</select><p class="description">' . esc_html__( 'An idea is visible once it is published. To decline it: move it to the trash, or publish it with “Not pursued” and a reason.', 'stadttraum' ) . '</p></td></tr>';
		foreach ( self::text_fields() as $key => list( $label, $multi ) ) {
			$value = self::meta( $post->ID, $key );
			echo '<tr><th scope="row"><label for="st-' . esc_attr( $key ) . '">' . esc_html( $label ) . '</label></th><td>';
			if ( $multi ) {
				printf( '<textarea class="large-text" rows="3" id="st-%1$s" name="st[%1$s]">%2$s</textarea>', esc_attr( $key ), esc_textarea( $value ) );
			} else {
				printf( '<input type="text" class="large-text" id="st-%1$s" name="st[%1$s]" value="%2$s">', esc_attr( $key ), esc_attr( $value ) );
			}
			echo '</td></tr>';
		}
		$dates = array(
			'answer_date' => __( 'Date of the answer', 'stadttraum' ),
			'due'         => __( 'Planned by', 'stadttraum' ),
		);
		foreach ( $dates as $key => $label ) {
			printf(
				'<tr><th scope="row"><label for="st-%1$s">%2$s</label></th><td><input type="date" id="st-%1$s" name="st[%1$s]" value="%3$s"></td></tr>',
				esc_attr( $key ),
				esc_html( $label ),
				esc_attr( self::meta( $post->ID, $key ) )
			);
		}
		$numbers = array(
			'progress'   => array( __( 'Progress in per cent', 'stadttraum' ), 0, 100, '1' ),
			'supporters' => array( __( 'Supports outside the website (e.g. sticky dots in a workshop)', 'stadttraum' ), 0, 1000000, '1' ),
			'lat'        => array( __( 'Latitude', 'stadttraum' ), -90, 90, 'any' ),
			'lng'        => array( __( 'Longitude', 'stadttraum' ), -180, 180, 'any' ),
		);
		foreach ( $numbers as $key => list( $label, $min, $max, $step ) ) {
			printf(
				'<tr><th scope="row"><label for="st-%1$s">%2$s</label></th><td><input type="number" id="st-%1$s" name="st[%1$s]" value="%3$s" min="%4$s" max="%5$s" step="%6$s"></td></tr>',
				esc_attr( $key ),
				esc_html( $label ),
				esc_attr( self::meta( $post->ID, $key ) ),
				esc_attr( $min ),
				esc_attr( $max ),
				esc_attr( $step )
			);
		}
		printf(
			'<tr><th scope="row">%s</th><td>%s</td></tr>',
			esc_html__( 'Supports through the website', 'stadttraum' ),
			esc_html( (string) (int) self::meta( $post->ID, 'supports_online' ) )
		);
		printf(
			'<tr><th scope="row"><label for="st-timeline">%s</label></th><td><textarea class="large-text code" rows="5" id="st-timeline" name="st[timeline]" aria-describedby="st-timeline-help">%s</textarea><p class="description" id="st-timeline-help">%s</p></td></tr>',
			esc_html__( 'Timeline', 'stadttraum' ),
			esc_textarea( self::timeline_text( $post->ID ) ),
			esc_html__( 'One entry per line: date | text | link (link optional), e.g. 2025-02-15 | Sofa donated', 'stadttraum' )
		);
		echo '</tbody></table>';
	}

	/** Consent text and time of a submission from the wall (no IP address is stored). */
	public static function submission_box( $post ) {
		$text = self::meta( $post->ID, 'consent_text' );
		if ( '' === $text ) {
			echo '<p>' . esc_html__( 'Entered in the admin.', 'stadttraum' ) . '</p>';
			return;
		}
		$at = self::meta( $post->ID, 'consent_at' );
		echo '<p>' . esc_html__( 'Submitted through the idea wall', 'stadttraum' ) . ( $at ? ' ' . esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), strtotime( $at ) ) ) : '' ) . '.</p>';
		echo '<p><strong>' . esc_html__( 'Consent given:', 'stadttraum' ) . '</strong> „' . esc_html( $text ) . '“</p>';
		$receipt = self::meta( $post->ID, 'receipt' );
		if ( '' !== $receipt ) {
			// The sender's handle for access and erasure requests (Tools → Export/Erase Personal Data).
			echo '<p><strong>' . esc_html__( 'Receipt code:', 'stadttraum' ) . '</strong> <code>' . esc_html( $receipt ) . '</code></p>';
		}
	}

	/** The timeline as editable lines. */
	private static function timeline_text( $id ) {
		$lines = array();
		foreach ( self::timeline( $id ) as $entry ) {
			$lines[] = trim( implode( ' | ', array_filter( array( $entry['date'] ?? '', $entry['text'], $entry['url'] ?? '' ) ) ) );
		}
		return implode( "\n", $lines );
	}

	/** Timeline entries: [ [date?, text, url?], … ]. */
	public static function timeline( $id ) {
		$value = get_post_meta( $id, '_st_timeline', true );
		return is_array( $value ) ? $value : array();
	}

	/** Parses "2025-02-15 | Text | https://…" lines. */
	private static function parse_timeline( $text ) {
		$out = array();
		foreach ( preg_split( '/\r\n|\r|\n/', (string) $text ) as $line ) {
			$parts = array_map( 'trim', explode( '|', $line ) );
			$parts = array_values( array_filter( $parts, 'strlen' ) );
			if ( ! $parts ) {
				continue;
			}
			$entry = array();
			if ( preg_match( '/^\d{4}-\d{2}(-\d{2})?$/', $parts[0] ) ) {
				$entry['date'] = array_shift( $parts );
			}
			$url = end( $parts );
			if ( count( $parts ) > 1 && preg_match( '#^https?://#', (string) $url ) ) {
				$entry['url'] = esc_url_raw( array_pop( $parts ) );
			}
			$entry['text'] = sanitize_text_field( implode( ' | ', $parts ) );
			if ( '' !== $entry['text'] ) {
				$out[] = $entry;
			}
		}
		return $out;
	}

	public static function save( $post_id, $post ) {
		if ( ! isset( $_POST[ self::NONCE ] ) || ! wp_verify_nonce( sanitize_key( $_POST[ self::NONCE ] ), self::NONCE ) ) {
			return;
		}
		if ( ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		$in = isset( $_POST['st'] ) && is_array( $_POST['st'] ) ? wp_unslash( $_POST['st'] ) : array(); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- sanitised per field below.
		$status = isset( $in['status'] ) && array_key_exists( $in['status'], self::statuses() ) ? $in['status'] : 'new';
		update_post_meta( $post_id, '_st_status', $status );
		foreach ( self::text_fields() as $key => list( , $multi ) ) {
			$value = isset( $in[ $key ] ) ? ( $multi ? sanitize_textarea_field( $in[ $key ] ) : sanitize_text_field( $in[ $key ] ) ) : '';
			self::update_or_delete( $post_id, $key, $value );
		}
		foreach ( array( 'answer_date', 'due' ) as $key ) {
			$value = isset( $in[ $key ] ) && preg_match( '/^\d{4}-\d{2}-\d{2}$/', $in[ $key ] ) ? $in[ $key ] : '';
			self::update_or_delete( $post_id, $key, $value );
		}
		$ranges = array(
			'progress'   => array( 0, 100 ),
			'supporters' => array( 0, 1000000 ),
			'lat'        => array( -90, 90 ),
			'lng'        => array( -180, 180 ),
		);
		foreach ( $ranges as $key => list( $min, $max ) ) {
			$raw   = isset( $in[ $key ] ) ? trim( str_replace( ',', '.', $in[ $key ] ) ) : '';
			$value = is_numeric( $raw ) ? (string) max( $min, min( $max, in_array( $key, array( 'lat', 'lng' ), true ) ? (float) $raw : (int) $raw ) ) : '';
			self::update_or_delete( $post_id, $key, $value );
		}
		update_post_meta( $post_id, '_st_timeline', self::parse_timeline( isset( $in['timeline'] ) ? $in['timeline'] : '' ) );
	}

	private static function update_or_delete( $id, $key, $value ) {
		if ( '' === $value ) {
			delete_post_meta( $id, '_st_' . $key );
		} else {
			update_post_meta( $id, '_st_' . $key, $value );
		}
	}

	public static function color_field_add() {
		echo '<div class="form-field"><label for="st-color">' . esc_html__( 'Colour on the idea wall', 'stadttraum' ) . '</label><input type="color" id="st-color" name="st_color" value="#0369a1"></div>';
	}

	public static function color_field_edit( $term ) {
		$color = (string) get_term_meta( $term->term_id, 'st_color', true );
		echo '<tr class="form-field"><th scope="row"><label for="st-color">' . esc_html__( 'Colour on the idea wall', 'stadttraum' ) . '</label></th><td><input type="color" id="st-color" name="st_color" value="' . esc_attr( $color ? $color : '#0369a1' ) . '"></td></tr>';
	}

	public static function save_color( $term_id ) {
		if ( ! current_user_can( 'manage_categories' ) || ! isset( $_POST['st_color'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- the term form's own nonce was checked by WordPress.
			return;
		}
		$color = sanitize_hex_color( wp_unslash( $_POST['st_color'] ) ); // phpcs:ignore WordPress.Security.NonceVerification
		if ( $color ) {
			update_term_meta( $term_id, 'st_color', $color );
		}
	}

	public static function columns( $columns ) {
		$out = array();
		foreach ( $columns as $key => $label ) {
			$out[ $key ] = $label;
			if ( 'title' === $key ) {
				$out['st_status']   = __( 'Status', 'stadttraum' );
				$out['st_supports'] = __( 'Supports', 'stadttraum' );
			}
		}
		return $out;
	}

	public static function column( $column, $id ) {
		if ( 'st_status' === $column ) {
			$statuses = self::statuses();
			$status   = self::meta( $id, 'status' );
			echo esc_html( isset( $statuses[ $status ] ) ? $statuses[ $status ] : $statuses['new'] );
		} elseif ( 'st_supports' === $column ) {
			echo esc_html( (string) self::supporters( $id ) );
		}
	}

	/** Offline supporters plus those counted on the website. */
	public static function supporters( $id ) {
		return (int) self::meta( $id, 'supporters' ) + (int) self::meta( $id, 'supports_online' );
	}

	/** "Freigeben" next to a pending idea. */
	public static function row_actions( $actions, $post ) {
		if ( self::POST_TYPE !== $post->post_type || 'pending' !== $post->post_status || ! current_user_can( 'publish_post', $post->ID ) ) {
			return $actions;
		}
		$url = wp_nonce_url( admin_url( 'admin-post.php?action=stadttraum_publish&post=' . $post->ID ), 'stadttraum_publish_' . $post->ID );
		/* translators: %s: idea title */
		$label = sprintf( __( 'Approve “%s”', 'stadttraum' ), get_the_title( $post ) );
		return array( 'stadttraum_publish' => '<a href="' . esc_url( $url ) . '" aria-label="' . esc_attr( $label ) . '">' . esc_html__( 'Approve', 'stadttraum' ) . '</a>' ) + $actions;
	}

	public static function publish_action() {
		$id = isset( $_GET['post'] ) ? absint( $_GET['post'] ) : 0;
		check_admin_referer( 'stadttraum_publish_' . $id );
		$post = get_post( $id );
		if ( ! $post || self::POST_TYPE !== $post->post_type || ! current_user_can( 'publish_post', $id ) ) {
			wp_die( esc_html__( 'You cannot approve this idea.', 'stadttraum' ), 403 );
		}
		// wp_update_post (not wp_publish_post) gives the idea its slug, which is its id on the wall.
		wp_update_post(
			array(
				'ID'          => $id,
				'post_status' => 'publish',
			)
		);
		wp_safe_redirect( admin_url( 'edit.php?post_type=' . self::POST_TYPE . '&stadttraum_published=' . $id ) );
		exit;
	}

	public static function published_notice() {
		if ( empty( $_GET['stadttraum_published'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			return;
		}
		$id   = absint( $_GET['stadttraum_published'] ); // phpcs:ignore WordPress.Security.NonceVerification
		$post = get_post( $id );
		// The id comes from the address bar: name only ideas this user may edit.
		if ( ! $post || self::POST_TYPE !== $post->post_type || ! current_user_can( 'edit_post', $id ) ) {
			return;
		}
		/* translators: %s: idea title */
		echo '<div class="notice notice-success is-dismissible"><p>' . esc_html( sprintf( __( '“%s” is approved and on the idea wall.', 'stadttraum' ), get_the_title( $id ) ) ) . '</p></div>';
	}

	/** "Ideen 3" in the menu: ideas waiting for moderation. */
	public static function pending_bubble() {
		global $menu;
		$count = (int) wp_count_posts( self::POST_TYPE )->pending;
		if ( ! $count || ! is_array( $menu ) ) {
			return;
		}
		foreach ( $menu as $i => $item ) {
			if ( 'edit.php?post_type=' . self::POST_TYPE === $item[2] ) {
				/* translators: %d: number of ideas waiting for moderation */
				$label          = sprintf( _n( '%d Idee wartet auf Freigabe', '%d Ideen warten auf Freigabe', $count, 'stadttraum' ), $count );
				$menu[ $i ][0] .= ' <span class="awaiting-mod count-' . $count . '"><span aria-hidden="true">' . $count . '</span><span class="screen-reader-text">' . esc_html( $label ) . '</span></span>'; // phpcs:ignore WordPress.WP.GlobalVariablesOverride
			}
		}
	}

	/** The post content as plain text with paragraphs as blank lines (the wall shows text, never HTML). */
	private static function plain( $html ) {
		$text = preg_replace( '#<br\s*/?>#i', "\n", (string) $html );
		$text = preg_replace( '#</(p|div|li|h[1-6]|blockquote)>#i', "\n\n", $text );
		$text = html_entity_decode( wp_strip_all_tags( strip_shortcodes( $text ) ), ENT_QUOTES, 'UTF-8' );
		$text = preg_replace( "/[ \t]+\n/", "\n", $text );
		return trim( preg_replace( "/\n{3,}/", "\n\n", $text ) );
	}

	/** One idea in the feed; empty fields are left out. */
	public static function item( $post ) {
		$id   = $post->ID;
		$m    = function ( $key ) use ( $id ) {
			return self::meta( $id, $key );
		};
		$item = array(
			'id'          => $post->post_name ? $post->post_name : (string) $id,
			'title'       => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
			'description' => self::plain( $post->post_content ),
			'created'     => get_post_time( 'Y-m-d', true, $post ),
			'status'      => $m( 'status' ) ? $m( 'status' ) : 'new',
			'supporters'  => self::supporters( $id ),
		);
		// get_the_terms reads the term cache the feed query primed (wp_get_post_terms would query).
		$cats = get_the_terms( $post, self::CATEGORY );
		if ( is_array( $cats ) && $cats ) {
			$item['category'] = $cats[0]->slug;
		}
		$tags = get_the_terms( $post, self::TAG );
		if ( is_array( $tags ) && $tags ) {
			$item['tags'] = array_map(
				function ( $t ) {
					return html_entity_decode( $t->name, ENT_QUOTES, 'UTF-8' );
				},
				$tags
			);
		}
		$plain = array(
			'reference'     => 'reference',
			'author'        => 'author',
			'group'         => 'group',
			'status_reason' => 'statusReason',
			'next_steps'    => 'nextSteps',
			'responsible'   => 'responsible',
			'due'           => 'due',
		);
		foreach ( $plain as $key => $field ) {
			if ( '' !== $m( $key ) ) {
				$item[ $field ] = $m( $key );
			}
		}
		if ( '' !== $m( 'answer_text' ) ) {
			$item['answer'] = array_filter(
				array(
					'text' => $m( 'answer_text' ),
					'date' => $m( 'answer_date' ),
					'by'   => $m( 'answer_by' ),
				),
				'strlen'
			);
		}
		if ( '' !== $m( 'progress' ) ) {
			$item['progress'] = (int) $m( 'progress' );
		}
		$timeline = self::timeline( $id );
		if ( $timeline ) {
			$item['timeline'] = $timeline;
		}
		$thumb = get_post_thumbnail_id( $id );
		if ( $thumb ) {
			$src = wp_get_attachment_image_url( $thumb, 'large' );
			if ( $src ) {
				$item['image'] = array_filter(
					array(
						'src'    => $src,
						'alt'    => (string) get_post_meta( $thumb, '_wp_attachment_image_alt', true ),
						'credit' => $m( 'image_credit' ),
					),
					'strlen'
				);
				$item['image']['alt'] = isset( $item['image']['alt'] ) ? $item['image']['alt'] : '';
			}
		}
		$location = array_filter(
			array(
				'label' => $m( 'location' ),
				'lat'   => '' !== $m( 'lat' ) ? (float) $m( 'lat' ) : null,
				'lng'   => '' !== $m( 'lng' ) ? (float) $m( 'lng' ) : null,
			),
			function ( $v ) {
				return null !== $v && '' !== $v;
			}
		);
		if ( $location ) {
			$item['location'] = $location;
		}
		return $item;
	}
}
