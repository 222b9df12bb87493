/** Keeps a failure while drawing one part of the page in that part: a message, and the rest works. */
import { Component, type ReactNode } from "react";

interface Props {
  /** What to say above the error's own message (already translated). */
  title: string;
  children: ReactNode;
  /** Changing this clears the error (e.g. a new result to draw). */
  resetKey?: unknown;
}

export class ErrorBoundary extends Component<Props, { error: Error | null; key: unknown }> {
  override state = { error: null as Error | null, key: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: unknown }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="card error" role="alert">
        <strong>{this.props.title}</strong>
        <pre>{this.state.error.message}</pre>
      </div>
    );
  }
}
