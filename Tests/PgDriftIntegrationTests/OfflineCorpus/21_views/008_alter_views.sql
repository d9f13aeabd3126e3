-- Views altered: owner (not modelled), options set and reset, renamed; a materialized view renamed.
ALTER VIEW customer_profiles OWNER TO CURRENT_USER;
ALTER VIEW paid_orders SET (security_barrier = true);
ALTER VIEW paid_orders SET (security_invoker = false);
ALTER VIEW ranked_orders SET (security_barrier);
ALTER VIEW ranked_orders RESET (security_barrier);
ALTER VIEW filtered_orders RENAME TO orders_filtered;
ALTER MATERIALIZED VIEW order_stats RENAME TO customer_order_stats;
ALTER MATERIALIZED VIEW customer_order_stats OWNER TO CURRENT_USER;
ALTER TABLE customer_profiles OWNER TO CURRENT_USER;
