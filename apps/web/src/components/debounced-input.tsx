import { Input } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';

interface DebouncedInputProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
  delay?: number;
}

/** A text filter: commits after typing pauses (or at once on Enter); empty means no filter. */
export const DebouncedInput = ({
  value,
  onChange,
  placeholder,
  'aria-label': ariaLabel,
  style,
  delay = 400,
}: DebouncedInputProps) => {
  const [text, setText] = useState(value ?? '');
  const committed = useRef(value ?? '');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    committed.current = value ?? '';
    setText(value ?? '');
  }, [value]);

  useEffect(() => {
    if (text.trim() === committed.current) return;
    const timer = window.setTimeout(() => {
      committed.current = text.trim();
      onChangeRef.current(text.trim() || undefined);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [text, delay]);

  return (
    <Input
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => {
        committed.current = text.trim();
        onChangeRef.current(text.trim() || undefined);
      }}
      placeholder={placeholder}
      aria-label={ariaLabel}
      allowClear
      style={style}
    />
  );
};
